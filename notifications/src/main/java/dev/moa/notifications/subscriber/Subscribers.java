package dev.moa.notifications.subscriber;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The service's own copy of who subscribes to which plan, kept from payment's Subscription* events (each keyed by its
 * subscription, so they arrive in order per subscription). Started, renewed, payment failed and past due keep a
 * subscription active (a past-due subscriber still pays the plan's price once the charge succeeds); canceled ends it
 * for good. Calls run inside the consumer's transaction.
 */
@ApplicationScoped
public class Subscribers {

    private static final String KEEP = """
            insert into plan_subscriptions (subscription_id, plan_id, subscriber_id, active, next_charge_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6)
            on conflict (subscription_id) do update
                set active = plan_subscriptions.active and excluded.active,
                    next_charge_at = greatest(plan_subscriptions.next_charge_at, excluded.next_charge_at),
                    updated_at = greatest(plan_subscriptions.updated_at, excluded.updated_at)""";
    private static final String PAGE = """
            select subscriber_id, min(next_charge_at) from plan_subscriptions
            where plan_id = ?1 and active and subscriber_id > ?2
            group by subscriber_id order by subscriber_id limit ?3""";

    /** Sorts before every other uuid in PostgreSQL. */
    private static final UUID FIRST = new UUID(0, 0);

    /** One subscriber of a plan and when their next charge is due, as far as known (null: not known). */
    public record Subscriber(UUID memberId, Instant nextChargeAt) {
    }

    /** The subscription is active; {@code nextChargeAt} (may be null) is when its next period will be charged. */
    public Uni<Void> active(UUID subscriptionId, UUID planId, UUID subscriberId, Instant nextChargeAt, Instant at) {
        return keep(subscriptionId, planId, subscriberId, true, nextChargeAt, at);
    }

    /** The subscription ended: none of its plan's later notices concern it. */
    public Uni<Void> ended(UUID subscriptionId, UUID planId, UUID subscriberId, Instant at) {
        return keep(subscriptionId, planId, subscriberId, false, null, at);
    }

    /** Up to {@code limit} active subscribers of {@code planId} after {@code after} (null: from the first). */
    public Uni<List<Subscriber>> page(UUID planId, UUID after, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PAGE, Object[].class)
                        .setParameter(1, planId)
                        .setParameter(2, after == null ? FIRST : after)
                        .setParameter(3, limit)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new Subscriber((UUID) row[0], instant(row[1]))).toList());
    }

    private Uni<Void> keep(UUID subscriptionId, UUID planId, UUID subscriberId, boolean active, Instant nextChargeAt,
                           Instant at) {
        Objects.requireNonNull(subscriptionId, "a subscription id");
        Objects.requireNonNull(planId, "a plan id");
        Objects.requireNonNull(subscriberId, "a subscriber id");
        return Panache.getSession().chain(session -> session.createNativeQuery(KEEP)
                .setParameter(1, subscriptionId)
                .setParameter(2, planId)
                .setParameter(3, subscriberId)
                .setParameter(4, active)
                .setParameter(5, nextChargeAt)
                .setParameter(6, at == null ? Instant.now() : at)
                .executeUpdate()).replaceWithVoid();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a moment: " + value.getClass());
    }
}
