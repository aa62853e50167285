package dev.moa.notifications;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the service's tables bounded: notifications past the feed's retention, finished mails past theirs, coalescing
 * windows closed for a day, and finished plan price fan-outs past the feed's retention. Harmless when several
 * instances run it at once.
 */
@ApplicationScoped
public class Housekeeping {

    private final Pool pool;
    private final NotificationsConfig config;

    public Housekeeping(Pool pool, NotificationsConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${moa.housekeeping.every:1h}", delayed = "${moa.housekeeping.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        double feed = config.feed().retention().toSeconds();
        double mail = config.mail().retention().toSeconds();
        return pool.preparedQuery("delete from notifications where created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of(feed))
                .chain(() -> pool.preparedQuery("delete from mail_outbox where status <> 'PENDING' "
                        + "and created_at < now() - make_interval(secs => $1)").execute(Tuple.of(mail)))
                .chain(() -> pool.query("delete from coalescing_windows where closes_at < now() - interval '1 day'")
                        .execute())
                .chain(() -> pool.preparedQuery("delete from price_change_fanouts where done "
                        + "and created_at < now() - make_interval(secs => $1)").execute(Tuple.of(feed)))
                .onFailure().invoke(e -> Log.warnf("notification housekeeping failed, next run retries: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
