package dev.moa.money.dues;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.money.DuesDue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Reminds each member of a group with a dues plan that their dues are collected soon: on a day within
 * {@code moa.dues.reminder.days-before} days before a month's collection day (in Asia/Seoul), once per (group, member,
 * month), with DuesDue on money.events. Run by a job on every instance: the reminder's primary key and
 * {@code insert ... on conflict do nothing returning} in the transaction that appends the events mean that only the
 * transaction that inserted a reminder emits it, so several instances and reruns send each reminder exactly once. At
 * most {@code batch} per run; the rest are left to the next run (rows already reminded are not candidates, so a run
 * always makes progress). A member who joins after their reminder was due is reminded at the next run within the
 * window; one who joins on the collection day gets no reminder (the collection tells them).
 */
@ApplicationScoped
public class DuesReminders {

    private static final int MAX_BATCH = 5000;
    private static final String REMIND = """
            insert into dues_reminders (group_id, member_id, period, amount, due_on)
            select p.group_id, r.member_id, to_char(d.m, 'YYYY-MM'), p.amount, d.due_on
            from dues_plans p
            cross join lateral (select g::date as m, (g::date + (p.day_of_month - 1)) as due_on
                                from generate_series(date_trunc('month', cast(?1 as date)),
                                                     date_trunc('month', cast(?1 as date) + cast(?2 as integer)),
                                                     interval '1 month') as g) as d
            join group_roles r on r.group_id = p.group_id
            where d.due_on > cast(?1 as date) and d.due_on <= cast(?1 as date) + cast(?2 as integer)
              and d.m >= p.starts_on
              and not exists (select 1 from dues_reminders x where x.group_id = p.group_id
                              and x.member_id = r.member_id and x.period = to_char(d.m, 'YYYY-MM'))
            order by p.group_id, r.member_id
            limit ?3
            on conflict do nothing
            returning group_id, member_id, period, amount, due_on""";

    private final Outbox outbox;
    private final Clock clock;
    private final DuesReminderConfig config;

    public DuesReminders(Outbox outbox, Clock clock, DuesReminderConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        if (config.daysBefore() < 1 || config.daysBefore() > 27) {
            throw new IllegalArgumentException("moa.dues.reminder.days-before is 1 to 27, not " + config.daysBefore());
        }
        if (config.batch() < 1 || config.batch() > MAX_BATCH) {
            throw new IllegalArgumentException("moa.dues.reminder.batch is 1 to " + MAX_BATCH);
        }
    }

    @Scheduled(every = "${moa.dues.reminder.every:1h}", delayed = "${moa.dues.check-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        LocalDate today = LocalDate.now(clock);
        return remind(today)
                .invoke(sent -> {
                    if (sent > 0) {
                        Log.infof("dues reminders for %s: %d sent", today, sent);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("dues reminders failed, the next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Sends the reminders due on {@code today} (Asia/Seoul), at most a batch; how many it sent (Vert.x context). */
    public Uni<Integer> remind(LocalDate today) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(REMIND, Object[].class)
                        .setParameter(1, today).setParameter(2, config.daysBefore()).setParameter(3, config.batch())
                        .getResultList())
                .chain(rows -> append(rows, now).replaceWith(rows.size())));
    }

    private Uni<Void> append(List<Object[]> rows, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object[] row : rows) {
            DuesDue due = new DuesDue((UUID) row[0], (UUID) row[1], row[2].toString().trim(),
                    ((Number) row[3]).longValue(), toDate(row[4]), now);
            chain = chain.chain(() -> outbox.append(Topics.MONEY_EVENTS, due).replaceWithVoid());
        }
        return chain;
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalStateException("not a date: " + value);
    }
}
