package dev.moa.payment.subscription;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The charge of one period of a subscription, unique per (subscription, period index). PENDING (a Transfer asked of
 * money, {@code commandId} = this attempt's) → PAID; or FAILED (to retry at {@code nextAttemptAt}, with a new command
 * id) → PENDING again, or ABANDONED when dunning gives up or the subscription is canceled.
 */
@Entity
@Table(name = "subscription_charges")
public class SubscriptionCharge extends PanacheEntityBase {

    public enum Status { PENDING, PAID, FAILED, ABANDONED }

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "period_index")
    public int periodIndex;

    @Column(name = "period_start")
    public Instant periodStart;

    @Column(name = "period_end")
    public Instant periodEnd;

    public long amount;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
