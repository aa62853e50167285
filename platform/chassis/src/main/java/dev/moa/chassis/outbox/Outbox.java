package dev.moa.chassis.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.events.EventJson;
import dev.moa.events.MoaEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Records an event in the same transaction as the state change it reports; {@link OutboxRelay} publishes it after
 * the commit. There is no other way for a Moa service to emit an event, so a change and its event are never split
 * (no dual write). Each append wakes this instance's relay, which then watches for the commit.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = "insert into moa_outbox (event_id, topic, event_type, subject, payload) "
            + "values ($1, $2, $3, $4, cast(cast($5 as text) as json))";
    private static final String INSERT_NATIVE = INSERT.replace('$', '?');
    private static final int MAX_NAME = 200;

    private final OutboxRelayLifecycle relays;

    public Outbox(OutboxRelayLifecycle relays) {
        this.relays = relays;
    }

    /**
     * Appends {@code event} to the outbox inside the current Hibernate Reactive transaction
     * ({@code @WithTransaction} or {@code Panache.withTransaction}); fails if there is none.
     *
     * @return the event's id, which is its CloudEvents id and what consumers deduplicate on
     */
    public Uni<UUID> append(String topic, MoaEvent event) {
        OutboxEntry entry = entry(topic, event);
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "an outbox append needs the transaction of the state change it reports"))
                .chain(transaction -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT_NATIVE)
                        .setParameter(1, entry.eventId())
                        .setParameter(2, entry.topic())
                        .setParameter(3, entry.type())
                        .setParameter(4, entry.subject())
                        .setParameter(5, entry.payload())
                        .executeUpdate())
                .invoke(relays::wake)
                .replaceWith(entry.eventId());
    }

    /** Appends {@code event} through {@code transaction}, a reactive SQL connection inside a transaction. */
    public Uni<UUID> append(SqlClient transaction, String topic, MoaEvent event) {
        OutboxEntry entry = entry(topic, event);
        return transaction.preparedQuery(INSERT)
                .execute(Tuple.of(entry.eventId(), entry.topic(), entry.type(), entry.subject(), entry.payload()))
                .invoke(relays::wake)
                .replaceWith(entry.eventId());
    }

    private static OutboxEntry entry(String topic, MoaEvent event) {
        requireName("topic", topic);
        requireName("event type", event.eventType());
        requireName("subject", event.subject());
        try {
            return new OutboxEntry(UUID.randomUUID(), topic, event.eventType(), event.subject(),
                    EventJson.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.eventType() + " cannot be written as JSON", e);
        }
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME) {
            throw new IllegalArgumentException("an outbox event needs a " + what + " of 1 to " + MAX_NAME
                    + " characters, got " + value);
        }
    }

    private record OutboxEntry(UUID eventId, String topic, String type, String subject, String payload) {
    }
}
