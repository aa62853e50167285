package dev.moa.payment.subscription;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.money.AccountRef;
import dev.moa.events.money.Transfer;
import dev.moa.events.payment.SubscriptionCanceled;
import dev.moa.payment.plan.Plan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The renewal job's work, safe on several instances at once and on reruns. Each run, in one transaction: claims the
 * ACTIVE subscriptions whose next period has started and that have no open charge ({@code FOR UPDATE SKIP LOCKED}),
 * and charges that period (one charge per (subscription, period) by the unique key; a Transfer command through the
 * outbox, wallet → the seller's wallet) or ends a subscription canceled at the end of its term; then claims the failed
 * charges whose retry is due and asks again with a new command id. One charge per subscription is open at a time, so
 * missed periods (downtime) are caught up one charge per period, run after run, in order.
 */
@ApplicationScoped
public class Renewals {

    private static final String CLAIM_DUE = """
            select * from subscriptions s where s.status = 'ACTIVE' and s.next_charge_at <= ?1
              and not exists (select 1 from subscription_charges c where c.subscription_id = s.id
                              and c.status in ('PENDING', 'FAILED'))
            order by s.next_charge_at limit ?2 for update skip locked""";
    private static final String CLAIM_RETRIES = """
            select * from subscription_charges where status = 'FAILED' and next_attempt_at <= ?1
            order by next_attempt_at limit ?2 for update skip locked""";
    private static final String INSERT_CHARGE = """
            insert into subscription_charges (id, subscription_id, period_index, period_start, period_end, amount,
                status, attempts, command_id, created_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', 1, ?7, ?8, ?8)
            on conflict (subscription_id, period_index) do nothing""";

    private final Outbox outbox;
    private final SubscriptionConfig config;

    public Renewals(Outbox outbox, SubscriptionConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** What one run did: periods charged, retries asked, subscriptions ended at the end of their term. */
    public record Run(int charged, int retried, int ended) {
    }

    public Uni<Run> runOnce(Instant now) {
        return Panache.withTransaction(() -> claim(CLAIM_DUE, Subscription.class, now)
                        .chain(due -> each(due, subscription -> renew(subscription, now))))
                .chain(renewed -> Panache.withTransaction(() -> claim(CLAIM_RETRIES, SubscriptionCharge.class, now)
                                .chain(failed -> each(failed, charge -> retry(charge, now))))
                        .map(retried -> new Run((int) renewed.stream().filter(Boolean::booleanValue).count(),
                                retried.size(), (int) renewed.stream().filter(charged -> !charged).count())));
    }

    /**
     * Charges period {@code nextIndex} of {@code subscription} at the plan's current price and moves the subscription
     * to the next period, in the caller's transaction (the subscription row written and locked by it).
     */
    public Uni<Void> chargeNext(Subscription subscription, Plan plan, Instant now) {
        int index = subscription.nextIndex;
        Instant start = subscription.periodStart(plan.period, index);
        Instant end = subscription.periodStart(plan.period, index + 1);
        UUID chargeId = derived("payment:subscription:" + subscription.id + ":" + index);
        UUID commandId = commandId(chargeId, 1);
        subscription.nextIndex = index + 1;
        subscription.nextChargeAt = end;
        subscription.updatedAt = now;
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_CHARGE)
                        .setParameter(1, chargeId)
                        .setParameter(2, subscription.id)
                        .setParameter(3, index)
                        .setParameter(4, start)
                        .setParameter(5, end)
                        .setParameter(6, plan.price)
                        .setParameter(7, commandId)
                        .setParameter(8, now)
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? outbox.append(Topics.MONEY_COMMANDS, transfer(subscription, commandId, plan.price, index))
                        : Uni.createFrom().nullItem())
                .replaceWithVoid();
    }

    /** Ends {@code subscription} (no charge after it) and says so. */
    public Uni<Void> end(Subscription subscription, String reason, Instant endedAt, Instant now) {
        subscription.status = Subscription.Status.CANCELED;
        subscription.endedAt = endedAt;
        subscription.updatedAt = now;
        return outbox.append(Topics.PAYMENT_EVENTS, new SubscriptionCanceled(subscription.id, subscription.planId,
                subscription.subscriberId, reason, endedAt, now)).replaceWithVoid();
    }

    static Transfer transfer(Subscription subscription, UUID commandId, long amount, int index) {
        return new Transfer(commandId, AccountRef.member(subscription.subscriberId),
                AccountRef.member(subscription.sellerId), amount, "PAYMENT",
                "subscription:" + subscription.id + ":" + index, "Subscription", List.of());
    }

    static UUID commandId(UUID chargeId, int attempt) {
        return derived("payment:charge:" + chargeId + ":" + attempt);
    }

    /** Charges the next period; {@code false} when the subscription ended at the end of its term instead. */
    private Uni<Boolean> renew(Subscription subscription, Instant now) {
        if (subscription.cancelAtPeriodEnd) {
            return end(subscription, SubscriptionCanceled.MEMBER, subscription.nextChargeAt, now).replaceWith(false);
        }
        return Plan.<Plan>findById(subscription.planId)
                .chain(plan -> chargeNext(subscription, plan, now)).replaceWith(true);
    }

    private Uni<Boolean> retry(SubscriptionCharge charge, Instant now) {
        return Subscription.<Subscription>findById(charge.subscriptionId).chain(subscription -> {
            charge.updatedAt = now;
            charge.nextAttemptAt = null;
            if (subscription.cancelAtPeriodEnd || subscription.status == Subscription.Status.CANCELED) {
                charge.status = SubscriptionCharge.Status.ABANDONED;
                return subscription.status == Subscription.Status.CANCELED ? Uni.createFrom().item(false)
                        : end(subscription, SubscriptionCanceled.MEMBER, now, now).replaceWith(false);
            }
            charge.attempts++;
            charge.commandId = commandId(charge.id, charge.attempts);
            charge.status = SubscriptionCharge.Status.PENDING;
            return outbox.append(Topics.MONEY_COMMANDS, transfer(subscription, charge.commandId, charge.amount,
                    charge.periodIndex)).replaceWith(true);
        });
    }

    private static <T> Uni<List<Boolean>> each(List<T> rows, Function<T, Uni<Boolean>> work) {
        return rows.isEmpty() ? Uni.createFrom().item(List.of())
                : Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(work::apply)
                .collect().asList();
    }

    private <T> Uni<List<T>> claim(String sql, Class<T> type, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, type)
                .setParameter(1, now)
                .setParameter(2, config.batch())
                .getResultList());
    }

    private static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
