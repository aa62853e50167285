package dev.moa.payment.subscription;

import dev.moa.payment.clock.SeoulClock;
import dev.moa.payment.plan.PlanPeriod;
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
 * A member's subscription to a plan. Period {@code i} starts at {@code anchorAt} + ({@code i} - {@code anchorIndex})
 * periods (Asia/Seoul); {@code nextIndex} is the next period to charge, at {@code nextChargeAt} (its start).
 */
@Entity
@Table(name = "subscriptions")
public class Subscription extends PanacheEntityBase {

    /**
     * PENDING: subscribed without a trial, its first charge not yet answered — not a subscriber until it is paid
     * (then ACTIVE); a refused first charge ends it (CANCELED) without dunning, as nothing was delivered. ACTIVE and
     * PAST_DUE are live subscriptions (PAST_DUE: a charge is being dunned); PAUSED is charged nothing; CANCELED ended.
     */
    public enum Status { PENDING, ACTIVE, PAUSED, PAST_DUE, CANCELED }

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "subscriber_id")
    public UUID subscriberId;

    @Column(name = "seller_id")
    public UUID sellerId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "anchor_at")
    public Instant anchorAt;

    @Column(name = "anchor_index")
    public int anchorIndex;

    @Column(name = "next_index")
    public int nextIndex;

    @Column(name = "next_charge_at")
    public Instant nextChargeAt;

    @Column(name = "paid_until")
    public Instant paidUntil;

    @Column(name = "trial_ends_at")
    public Instant trialEndsAt;

    @Column(name = "cancel_at_period_end")
    public boolean cancelAtPeriodEnd;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** When it became a subscriber: at once with a trial, else when the first charge was paid; never if it was not. */
    @Column(name = "started_at")
    public Instant startedAt;

    /** The start of period {@code index}. */
    public Instant periodStart(PlanPeriod period, int index) {
        return period.start(anchorAt.atZone(SeoulClock.ZONE), (long) index - anchorIndex).toInstant();
    }
}
