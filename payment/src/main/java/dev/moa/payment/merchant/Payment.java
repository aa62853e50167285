package dev.moa.payment.merchant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A member's payment to a merchant: PENDING (a Transfer asked of money) → COMPLETED or FAILED. */
@Entity
@Table(name = "payments")
public class Payment extends PanacheEntityBase {

    public enum Status { PENDING, COMPLETED, FAILED }

    @Id
    public UUID id;

    @Column(name = "merchant_id")
    public UUID merchantId;

    @Column(name = "payer_id")
    public UUID payerId;

    public long amount;

    @Column(name = "order_ref")
    public String orderRef;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "failure_reason")
    public String failureReason;

    public long refunded;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
