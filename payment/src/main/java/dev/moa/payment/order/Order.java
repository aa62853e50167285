package dev.moa.payment.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The order of a won lot: what the winner owes and how it is taken (see {@link OrderService}). */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    public enum Kind { WIN, SECOND_CHANCE }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "lot_id")
    public UUID lotId;

    @Column(name = "buyer_id")
    public UUID buyerId;

    @Column(name = "seller_id")
    public UUID sellerId;

    @Column(name = "hammer_price")
    public long hammerPrice;

    @Column(name = "premium_bps")
    public int premiumBps;

    public long premium;

    public long total;

    @Column(name = "hold_id")
    public UUID holdId;

    @Column(name = "from_hold")
    public long fromHold;

    @Column(name = "from_wallet")
    public long fromWallet;

    @Column(name = "command_id")
    public UUID commandId;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    @Column(name = "failure_reason")
    public String failureReason;

    /** From LotClosed: who is offered the lot if this (winning) order's payment fails, and at what price. */
    @Column(name = "runner_up_id")
    public UUID runnerUpId;

    @Column(name = "runner_up_maximum")
    public Long runnerUpMaximum;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
