package dev.moa.payment.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A lot offered to its runner-up after the winner's payment failed: OFFERED until accepted or expired. */
@Entity
@Table(name = "second_chance_offers")
public class SecondChanceOffer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "lot_id")
    public UUID lotId;

    @Column(name = "original_order_id")
    public UUID originalOrderId;

    @Column(name = "bidder_id")
    public UUID bidderId;

    @Column(name = "seller_id")
    public UUID sellerId;

    public long price;

    public String status;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** OFFERED, ACCEPTED, or EXPIRED (an offer not accepted in time; computed, not stored). */
    public String statusAt(Instant now) {
        return "OFFERED".equals(status) && !now.isBefore(expiresAt) ? "EXPIRED" : status;
    }
}
