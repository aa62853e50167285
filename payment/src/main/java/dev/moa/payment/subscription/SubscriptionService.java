package dev.moa.payment.subscription;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.payment.SubscriptionCanceled;
import dev.moa.events.payment.SubscriptionStarted;
import dev.moa.payment.clock.SeoulClock;
import dev.moa.payment.plan.Plan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Subscribing, canceling at the end of the term, pausing and resuming; each in the caller's transaction, for the
 * member of the token only (another member's subscription is not found).
 */
@ApplicationScoped
public class SubscriptionService {

    private final Outbox outbox;
    private final Renewals renewals;
    private final Clock clock;

    public SubscriptionService(Outbox outbox, Renewals renewals, Clock clock) {
        this.outbox = outbox;
        this.renewals = renewals;
        this.clock = clock;
    }

    /**
     * Subscribes {@code memberId} to {@code planId}: the first period starts now (charged at once; the subscription is
     * PENDING until money answers) or when the trial ends (ACTIVE at once, charged then by the renewal job). Periods
     * are anchored there, in Asia/Seoul.
     */
    public Uni<SubscriptionView> subscribe(UUID memberId, UUID planId) {
        return Plan.<Plan>findById(planId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Plan " + planId))
                .call(plan -> {
                    if (plan.sellerId.equals(memberId)) {
                        throw ProblemException.unprocessable("own-plan", "A seller cannot subscribe to their own plan");
                    }
                    return Subscription.count("planId = ?1 and subscriberId = ?2 and status <> ?3", planId, memberId,
                            Subscription.Status.CANCELED).invoke(live -> {
                                if (live > 0) {
                                    throw ProblemException.conflict("already-subscribed",
                                            "You already subscribe to this plan");
                                }
                            });
                })
                .chain(plan -> start(memberId, plan));
    }

    public Uni<SubscriptionView> cancel(UUID memberId, UUID id) {
        Instant now = Instant.now(clock);
        return own(memberId, id).call(s -> {
            if (s.status == Subscription.Status.CANCELED) {
                return Uni.createFrom().voidItem();
            }
            if (s.status == Subscription.Status.PAUSED) {
                // Nothing is charged while paused, so there is no term left to serve: it ends now.
                return renewals.end(s, SubscriptionCanceled.MEMBER, now, now);
            }
            s.cancelAtPeriodEnd = true;
            s.updatedAt = now;
            return Uni.createFrom().voidItem();
        }).map(SubscriptionView::of);
    }

    public Uni<SubscriptionView> pause(UUID memberId, UUID id) {
        return own(memberId, id).invoke(s -> {
            if (s.status != Subscription.Status.ACTIVE || s.cancelAtPeriodEnd) {
                throw ProblemException.conflict("not-active", "Only an active subscription can be paused");
            }
            s.status = Subscription.Status.PAUSED;
            s.updatedAt = Instant.now(clock);
        }).map(SubscriptionView::of);
    }

    /**
     * Resumes a paused subscription. Periods that began while it was paused are not charged: if its next period has
     * already begun, the periods are anchored anew at the resumption, whose period is charged by the next run.
     */
    public Uni<SubscriptionView> resume(UUID memberId, UUID id) {
        Instant now = Instant.now(clock);
        return own(memberId, id).invoke(s -> {
            if (s.status != Subscription.Status.PAUSED) {
                throw ProblemException.conflict("not-paused", "Only a paused subscription can be resumed");
            }
            s.status = Subscription.Status.ACTIVE;
            if (s.nextChargeAt.isBefore(now)) {
                s.anchorAt = now;
                s.anchorIndex = s.nextIndex;
                s.nextChargeAt = now;
            }
            s.updatedAt = now;
        }).map(SubscriptionView::of);
    }

    public Uni<Subscription> own(UUID memberId, UUID id) {
        return Subscription.<Subscription>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(s -> {
                    if (s == null || !s.subscriberId.equals(memberId)) {
                        throw ProblemException.notFound("Subscription " + id);
                    }
                    return s;
                });
    }

    private Uni<SubscriptionView> start(UUID memberId, Plan plan) {
        Instant now = Instant.now(clock);
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.planId = plan.id;
        s.subscriberId = memberId;
        s.sellerId = plan.sellerId;
        s.trialEndsAt = plan.trialDays == 0 ? null
                : now.atZone(SeoulClock.ZONE).plusDays(plan.trialDays).toInstant();
        s.status = s.trialEndsAt == null ? Subscription.Status.PENDING : Subscription.Status.ACTIVE;
        s.startedAt = s.trialEndsAt == null ? null : now;
        s.anchorAt = s.trialEndsAt == null ? now : s.trialEndsAt;
        s.anchorIndex = 0;
        s.nextIndex = 0;
        s.nextChargeAt = s.anchorAt;
        s.createdAt = now;
        s.updatedAt = now;
        return s.persistAndFlush()
                .chain(() -> s.trialEndsAt == null ? renewals.chargeNext(s, plan, now)
                        : started(s, plan, plan.price, now))
                .map(ignored -> SubscriptionView.of(s));
    }

    /**
     * Says that {@code s} has a subscriber now, at {@code price} a period: with a trial at once (the plan's price), else
     * once its first charge is paid (that charge's amount, even if the plan's price changed meanwhile).
     */
    public Uni<Void> started(Subscription s, Plan plan, long price, Instant now) {
        return outbox.append(Topics.PAYMENT_EVENTS, new SubscriptionStarted(s.id, plan.id, s.subscriberId,
                plan.sellerId, price, plan.period.name(), s.trialEndsAt, s.anchorAt, now)).replaceWithVoid();
    }
}
