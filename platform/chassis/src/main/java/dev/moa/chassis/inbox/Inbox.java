package dev.moa.chassis.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int WARN_EVERY = 10;

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

    /**
     * Retries {@code handling} — a consumer's whole handling of one record, built lazily so each attempt starts afresh —
     * until it succeeds, with back-off capped at {@link #MAX_BACKOFF} and a WARN every {@value #WARN_EVERY} attempts. A
     * record that cannot be read or is invalid ({@link IllegalArgumentException}) fails at once, for the dead-letter
     * topic. Anything else (a database failover, a lost lock, a bug) is not the record's fault: sending a valid command
     * or answer to a dead-letter topic that nobody replays would lose a movement of money, so the partition waits
     * instead, visible in the consumer lag and the WARN lines.
     */
    public static <T> Uni<T> untilApplied(String consumer, Uni<T> handling) {
        return untilApplied(consumer, handling, FIRST_BACKOFF, MAX_BACKOFF);
    }

    static <T> Uni<T> untilApplied(String consumer, Uni<T> handling, Duration firstBackoff, Duration maxBackoff) {
        AtomicInteger attempts = new AtomicInteger();
        return handling
                .onFailure(e -> !(e instanceof IllegalArgumentException)).invoke(e -> {
                    int attempt = attempts.incrementAndGet();
                    if (attempt % WARN_EVERY == 0) {
                        Log.warnf("%s: a record failed %d times, retrying until it is applied: %s", consumer,
                                attempt, e.toString());
                    }
                })
                .onFailure(e -> !(e instanceof IllegalArgumentException))
                .retry().withBackOff(firstBackoff, maxBackoff).indefinitely();
    }

    /** A record of a polled batch that cannot be handled, and why (for {@link #deadLetter}). */
    public record Unreadable(Message<?> record, IllegalArgumentException reason) {
    }

    /**
     * Hands each unreadable record of a polled batch, on its own, to its channel's failure strategy (the dead-letter
     * topic), so that one poison record neither holds back nor takes along the others of its batch.
     */
    public static Uni<Void> deadLetter(String consumer, List<Unreadable> records) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Unreadable unreadable : records) {
            all = all.chain(() -> {
                Log.errorf("%s: a record goes to the dead-letter topic: %s", consumer,
                        unreadable.reason().getMessage());
                return Uni.createFrom().completionStage(unreadable.record().nack(unreadable.reason()));
            });
        }
        return all;
    }

    /** The CloudEvents id of an incoming Kafka message: what {@link #handleOnce} deduplicates on. */
    public static String eventId(Message<?> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId)
                .or(() -> header(message, "ce_id"))
                .orElseThrow(() -> new IllegalArgumentException("message without a CloudEvents id"));
    }

    /** The CloudEvents type of an incoming Kafka message ({@code dev.moa.<service>.<Event>}), or null without one. */
    public static String eventType(Message<?> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getType)
                .or(() -> header(message, "ce_type"))
                .orElse(null);
    }

    private static Optional<String> header(Message<?> message, String name) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader(name))
                .map(Header::value)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static void require(String what, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID) {
            throw new IllegalArgumentException("inbox needs a " + what + " of 1 to " + MAX_ID + " characters");
        }
    }
}
