package dev.moa.payment.subscription;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.payment.SubscriptionCanceled;
import dev.moa.events.payment.SubscriptionPastDue;
import dev.moa.events.payment.SubscriptionPaymentFailed;
import dev.moa.events.payment.SubscriptionRenewed;
import dev.moa.payment.money.MoneyAnswer;
import dev.moa.payment.money.MoneyAnswerHandler;
import dev.moa.payment.plan.Plan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Money's answers to subscription charges. Posted: the charge is PAID, the subscription is paid until the period's
 * end (and ACTIVE again if it was PAST_DUE; ACTIVE and started if it was PENDING). A refused first charge of a PENDING
 * subscription ends it (CANCELED as UNPAID, the charge ABANDONED): nothing was delivered, so nothing is dunned.
 * Refused later: dunning — the charge is FAILED and tried again {@code moa.subscriptions.retry-after} after its first
 * attempt (1, 3, 7 days by default); after {@code past-due-after} failed attempts the subscription is PAST_DUE (no
 * renewal until paid); when no retry is left the charge is ABANDONED and the subscription CANCELED (UNPAID). Only a
 * PENDING charge changes, so an answer counts once.
 */
@ApplicationScoped
public class ChargeAnswers implements MoneyAnswerHandler {

    private final Outbox outbox;
    private final Renewals renewals;
    private final SubscriptionService subscriptions;
    private final SubscriptionConfig config;
    private final Clock clock;

    public ChargeAnswers(Outbox outbox, Renewals renewals, SubscriptionService subscriptions,
                         SubscriptionConfig config, Clock clock) {
        this.outbox = outbox;
        this.renewals = renewals;
        this.subscriptions = subscriptions;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<Boolean> onAnswer(MoneyAnswer answer) {
        return SubscriptionCharge.<SubscriptionCharge>find("commandId", answer.commandId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(charge -> {
                    if (charge == null) {
                        return Uni.createFrom().item(false);
                    }
                    if (charge.status != SubscriptionCharge.Status.PENDING) {
                        return Uni.createFrom().item(true);
                    }
                    return Subscription.<Subscription>findById(charge.subscriptionId, LockModeType.PESSIMISTIC_WRITE)
                            .chain(subscription -> answer.ok() ? paid(charge, subscription)
                                    : failed(charge, subscription, answer.reason()))
                            .replaceWith(true);
                });
    }

    private Uni<?> paid(SubscriptionCharge charge, Subscription subscription) {
        Instant now = Instant.now(clock);
        Uni<?> started = Uni.createFrom().voidItem();
        if (subscription.status == Subscription.Status.PENDING) {
            subscription.status = Subscription.Status.ACTIVE;
            subscription.startedAt = now;
            started = Plan.<Plan>findById(subscription.planId)
                    .chain(plan -> subscriptions.started(subscription, plan, charge.amount, now));
        }
        charge.status = SubscriptionCharge.Status.PAID;
        charge.failureReason = null;
        charge.updatedAt = now;
        if (subscription.paidUntil == null || subscription.paidUntil.isBefore(charge.periodEnd)) {
            subscription.paidUntil = charge.periodEnd;
        }
        if (subscription.status == Subscription.Status.PAST_DUE) {
            subscription.status = Subscription.Status.ACTIVE;
        }
        subscription.updatedAt = now;
        return started.chain(() -> outbox.append(Topics.PAYMENT_EVENTS, new SubscriptionRenewed(subscription.id,
                subscription.planId, subscription.subscriberId, subscription.sellerId, charge.amount,
                charge.periodStart, charge.periodEnd, now)));
    }

    private Uni<?> failed(SubscriptionCharge charge, Subscription subscription, String reason) {
        Instant now = Instant.now(clock);
        List<Duration> retries = config.retryAfter();
        int attempt = charge.attempts;
        boolean pending = subscription.status == Subscription.Status.PENDING;
        boolean retryLeft = !pending && attempt <= retries.size()
                && subscription.status != Subscription.Status.CANCELED;
        charge.failureReason = reason;
        charge.updatedAt = now;
        charge.status = retryLeft ? SubscriptionCharge.Status.FAILED : SubscriptionCharge.Status.ABANDONED;
        charge.nextAttemptAt = retryLeft ? charge.createdAt.plus(retries.get(attempt - 1)) : null;
        Uni<?> told = outbox.append(Topics.PAYMENT_EVENTS, new SubscriptionPaymentFailed(subscription.id,
                subscription.planId, subscription.subscriberId, charge.amount, charge.periodStart, attempt, reason,
                charge.nextAttemptAt, now));
        if (pending) {
            return told.chain(() -> renewals.end(subscription, SubscriptionCanceled.UNPAID, now, now));
        }
        if (!retryLeft) {
            return subscription.status == Subscription.Status.CANCELED ? told
                    : told.chain(() -> renewals.end(subscription, SubscriptionCanceled.UNPAID, now, now));
        }
        if (attempt >= config.pastDueAfter() && subscription.status == Subscription.Status.ACTIVE) {
            subscription.status = Subscription.Status.PAST_DUE;
            subscription.updatedAt = now;
            return told.chain(() -> outbox.append(Topics.PAYMENT_EVENTS, new SubscriptionPastDue(subscription.id,
                    subscription.planId, subscription.subscriberId, charge.amount, charge.periodStart, attempt, now)));
        }
        return told;
    }
}
