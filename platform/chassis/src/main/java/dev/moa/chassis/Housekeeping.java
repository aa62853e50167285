package dev.moa.chassis;

import dev.moa.chassis.outbox.OutboxConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.config.WithDefault;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Deletes what the chassis no longer needs: published outbox rows, inbox records older than any redelivery, and
 * Idempotency-Key records past their retention. Harmless when several instances run it at once.
 */
@ApplicationScoped
public class Housekeeping {

    /**
     * Deletes published outbox rows that occurred longer ago than the retention. There is no index on either time: the
     * rows to delete are the oldest, so the first row in {@code seq} order that is young enough bounds them, and the
     * scan that finds it reads only rows about to go (a row written by a transaction that stayed open long is kept
     * until every row before it is old). A row still pending is never deleted.
     */
    static final String PURGE_OUTBOX = """
            delete from moa_outbox
            where published_at is not null
              and seq < coalesce((select seq from moa_outbox
                                  where occurred_at >= now() - make_interval(secs => ?1) order by seq limit 1),
                                 (select max(seq) + 1 from moa_outbox))""";

    private final OutboxConfig outbox;
    private final Retention retention;

    public Housekeeping(OutboxConfig outbox, Retention retention) {
        this.outbox = outbox;
        this.retention = retention;
    }

    /** Retention of chassis records ({@code moa.retention.*}). */
    @ConfigMapping(prefix = "moa.retention")
    public interface Retention {

        /** Idempotency-Key records; at least 24 hours, so a client's retry within a day is always answered. */
        @WithDefault("48h")
        Duration idempotencyKeys();

        /** Inbox records; longer than Kafka keeps a record, so no redelivery outlives its dedup record. */
        @WithDefault("30d")
        Duration inbox();
    }

    @Scheduled(every = "${moa.housekeeping.every:1h}", delayed = "${moa.housekeeping.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        Duration idempotency = retention.idempotencyKeys().compareTo(Duration.ofHours(24)) < 0
                ? Duration.ofHours(24) : retention.idempotencyKeys();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(PURGE_OUTBOX)
                        .setParameter(1, (double) outbox.retention().toSeconds()).executeUpdate()
                        .chain(outboxRows -> session
                                .createNativeQuery("delete from moa_inbox where processed_at < now() - make_interval(secs => ?1)")
                                .setParameter(1, (double) retention.inbox().toSeconds()).executeUpdate())
                        .chain(inboxRows -> session
                                .createNativeQuery("delete from moa_idempotency where created_at < now() - make_interval(secs => ?1)")
                                .setParameter(1, (double) idempotency.toSeconds()).executeUpdate())))
                .onFailure().invoke(e -> Log.warnf("housekeeping failed, next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
