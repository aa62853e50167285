package dev.moa.payment.settlement;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One settlement batch of one payee and business day: PENDING (a Transfer asked of money) → PAID or FAILED. */
@Entity
@Table(name = "settlements")
public class Settlement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "payee_kind")
    public String payeeKind;

    @Column(name = "payee_id")
    public UUID payeeId;

    @Column(name = "seller_id")
    public UUID sellerId;

    @Column(name = "business_date")
    public LocalDate businessDate;

    public int items;

    public long gross;

    @Column(name = "fee_bps")
    public int feeBps;

    public long fee;

    public long net;

    public String status;

    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "paid_at")
    public Instant paidAt;
}
