package dev.moa.chassis.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The idempotent consumer: an event's effect and the record that it was handled commit in one transaction, so a
 * redelivered event (a relay retry, a consumer restart, a rebalance) has no second effect.
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = "insert into moa_inbox (consumer, event_id) values (?1, ?2) "
            + "on conflict do nothing";
    private static final int MAX_ID = 200;

    /**
     * Applies {@code effect} unless {@code consumer} has already handled {@code eventId}. Runs in a transaction (the
     * current one, or a new one). A concurrent duplicate waits for the first to commit, then is skipped; if the first
     * rolls back, the duplicate applies the effect.
     *
     * @return whether the effect was applied ({@code false} for a duplicate)
     */
    public Uni<Boolean> handleOnce(String consumer, String eventId, Supplier<Uni<?>> effect) {
        require("consumer", consumer);
        require("event id", eventId);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .chain(claimed -> claimed == 1
                        ? effect.get().replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)));
    }

    /** The CloudEvents id of an incoming Kafka message: what {@link #handleOnce} deduplicates on. */
    public static String eventId(Message<?> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId)
                .or(() -> message.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(kafka -> kafka.getHeaders().lastHeader("ce_id"))
                        .map(Header::value)
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8)))
                .orElseThrow(() -> new IllegalArgumentException("message without a CloudEvents id"));
    }

    private static void require(String what, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID) {
            throw new IllegalArgumentException("inbox needs a " + what + " of 1 to " + MAX_ID + " characters");
        }
    }
}
