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

/** A refund of (part of) a payment: PENDING (a Transfer asked of money) → COMPLETED or FAILED. */
@Entity
@Table(name = "refunds")
public class Refund extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "payment_id")
    public UUID paymentId;

    public long amount;

    @Enumerated(EnumType.STRING)
    public Payment.Status status;

    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
