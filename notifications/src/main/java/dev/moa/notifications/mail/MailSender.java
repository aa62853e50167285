package dev.moa.notifications.mail;

import dev.moa.notifications.NotificationsConfig;
import dev.moa.notifications.notice.Category;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the mail outbox, outside any transaction that wrote it. A run claims due mails (skipping rows another
 * instance holds) and moves them past a lease, sends each through the reactive mailer, and marks it SENT; a failed
 * send (SMTP down, recipient not known yet) is due again after a back-off that doubles up to a maximum, and after the
 * last attempt it is FAILED. A sender that dies mid-send leaves its mails due again when the lease ends (SMTP has no
 * idempotency, so that rare case may send a mail twice; nothing else does).
 */
@ApplicationScoped
public class MailSender {

    private static final String CLAIM = """
            with claimed as (
                update mail_outbox set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
                where id in (select id from mail_outbox where status = 'PENDING' and next_attempt_at <= now()
                             order by next_attempt_at limit $1 for update skip locked)
                returning id, member_id, kind, category, params::text as params, attempts)
            select c.*, r.email, r.name, r.locale from claimed c left join recipients r on r.member_id = c.member_id""";
    private static final String SENT = "update mail_outbox set status = 'SENT', sent_at = now(), last_error = null "
            + "where id = $1";
    private static final String RETRY = "update mail_outbox set next_attempt_at = now() + make_interval(secs => $2), "
            + "last_error = $3 where id = $1 and status = 'PENDING'";
    private static final String GIVE_UP = "update mail_outbox set status = 'FAILED', last_error = $2 where id = $1";

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final MailComposer composer;
    private final NotificationsConfig.Mail config;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private volatile boolean stopping;

    public MailSender(Pool pool, ReactiveMailer mailer, MailComposer composer, NotificationsConfig config,
                      MeterRegistry meters) {
        this.pool = pool;
        this.mailer = mailer;
        this.composer = composer;
        this.config = config.mail();
        this.sent = meters.counter("moa.notifications.mail.sent");
        this.retried = meters.counter("moa.notifications.mail.retried");
        this.failed = meters.counter("moa.notifications.mail.failed");
    }

    @Scheduled(every = "${moa.notifications.mail.poll-every:1s}", delayed = "${moa.notifications.mail.poll-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sendDue() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return claim()
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUni(this::send).merge(config.concurrency())
                .collect().last()
                .onFailure().invoke(e -> Log.warnf("mail sender run failed, the next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private Uni<List<MailComposer.Queued>> claim() {
        double lease = config.sendTimeout().toMillis() / 1000.0 + 5;
        return pool.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize(), lease)).map(rows -> {
            List<MailComposer.Queued> due = new ArrayList<>();
            rows.forEach(row -> due.add(queued(row)));
            return due;
        });
    }

    private Uni<Void> send(MailComposer.Queued queued) {
        if (queued.email() == null) {
            return failed(queued, "recipient not known yet");
        }
        Mail mail;
        try {
            mail = composer.compose(queued);
        } catch (RuntimeException e) {
            Log.errorf("mail %s cannot be written, given up: %s", queued.id(), e.getMessage());
            return giveUp(queued, "cannot be written: " + e.getMessage());
        }
        return mailer.send(mail)
                .ifNoItem().after(config.sendTimeout()).fail()
                .chain(() -> pool.preparedQuery(SENT).execute(Tuple.of(queued.id())))
                .invoke(() -> sent.increment())
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> failed(queued, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private Uni<Void> failed(MailComposer.Queued queued, String reason) {
        if (queued.attempts() >= config.maxAttempts()) {
            Log.warnf("mail %s given up after %d attempts: %s", queued.id(), queued.attempts(), reason);
            return giveUp(queued, reason);
        }
        retried.increment();
        return pool.preparedQuery(RETRY)
                .execute(Tuple.of(queued.id(), backoff(queued.attempts()).toMillis() / 1000.0, clip(reason)))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private Uni<Void> giveUp(MailComposer.Queued queued, String reason) {
        failed.increment();
        return pool.preparedQuery(GIVE_UP).execute(Tuple.of(queued.id(), clip(reason))).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /** The pause after attempt {@code attempts}: initial, then doubled each time, at most the maximum. */
    Duration backoff(int attempts) {
        Duration pause = config.backoffInitial();
        for (int i = 1; i < attempts && pause.compareTo(config.backoffMax()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(config.backoffMax()) < 0 ? pause : config.backoffMax();
    }

    private static MailComposer.Queued queued(Row row) {
        return new MailComposer.Queued(row.getUUID("id"), row.getUUID("member_id"), row.getString("kind"),
                Category.valueOf(row.getString("category")), row.getString("params"), row.getInteger("attempts"),
                row.getString("email"), row.getString("name"), row.getString("locale"));
    }

    private static String clip(String text) {
        String value = text == null ? "unknown" : text;
        return value.length() <= 500 ? value : value.substring(0, 500);
    }
}
