package dev.moa.notifications.subscriber;

import dev.moa.notifications.NotificationsConfig;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Notice;
import dev.moa.notifications.notice.NoticeDelivery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Tells each active subscriber of a plan its new price, a page of subscribers per transaction. The PlanPriceChanged
 * rule records a fan-out row (in the transaction that handles the event); this job, on every instance, claims an open
 * row ({@code for update skip locked}, so two instances never tell one page), delivers the page's notices under the
 * event's id (the feed and the mail outbox keep one row per (event, member, kind), so nobody is told twice) and moves
 * the row's cursor on, all in one transaction. A fan-out is bounded per transaction by the page size, and per run by
 * the pages per run.
 *
 * <p>What the notice says is what payment does: a period is charged when it starts, at the plan's price then, so the
 * new price applies from the first period whose charge is made after the change; a charge already made, or one that
 * failed and is being retried, keeps its amount. The date of the next charge is given when this copy knows it and it
 * lies after the change.
 */
@ApplicationScoped
public class PriceChangeFanout {

    static final String KIND = "plan-price-changed-subscriber";
    private static final int MAX_PAGE = 1000;
    private static final DateTimeFormatter KST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Seoul"));
    private static final String RECORD = """
            insert into price_change_fanouts (event_id, plan_id, old_price, new_price, changed_at)
            values (?1, ?2, ?3, ?4, ?5) on conflict (event_id) do nothing""";
    private static final String CLAIM = """
            select event_id, plan_id, old_price, new_price, changed_at, after_subscriber from price_change_fanouts
            where not done order by created_at limit 1 for update skip locked""";
    private static final String ADVANCE = """
            update price_change_fanouts set after_subscriber = ?2, done = ?3 where event_id = ?1""";
    private static final String FINISH = "update price_change_fanouts set done = true where event_id = ?1";

    private final Subscribers subscribers;
    private final NoticeDelivery delivery;
    private final NotificationsConfig.PriceChange config;

    public PriceChangeFanout(Subscribers subscribers, NoticeDelivery delivery, NotificationsConfig config) {
        this.subscribers = subscribers;
        this.delivery = delivery;
        this.config = config.priceChange();
        if (this.config.pageSize() < 1 || this.config.pageSize() > MAX_PAGE) {
            throw new IllegalArgumentException("moa.notifications.price-change.page-size is 1 to " + MAX_PAGE);
        }
    }

    /**
     * Records, in the caller's transaction, that the plan's price change is to be told. The fan-out's id, under which
     * its notices are delivered, is derived from the change itself (plan, moment, new price): a redelivered event
     * records nothing new.
     */
    public Uni<Void> record(UUID planId, long oldPrice, long newPrice, Instant changedAt) {
        Instant at = changedAt == null ? Instant.EPOCH : changedAt;
        String fanoutId = "plan-price:" + planId + ":" + at.toEpochMilli() + ":" + newPrice;
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter(1, fanoutId).setParameter(2, planId).setParameter(3, oldPrice)
                .setParameter(4, newPrice).setParameter(5, at)
                .executeUpdate()).replaceWithVoid();
    }

    @Scheduled(every = "${moa.notifications.price-change.every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return pages(config.pagesPerRun())
                .onFailure().invoke(e -> Log.warnf("plan price change fan-out failed, the next run retries: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Tells up to {@code left} pages, one transaction each, while there are pages to tell. */
    Uni<Void> pages(int left) {
        if (left <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(this::tellOnePage)
                .chain(told -> told ? pages(left - 1) : Uni.createFrom().voidItem());
    }

    /** Claims an open fan-out and tells its next page; false when there is none. */
    private Uni<Boolean> tellOnePage() {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, Object[].class)
                        .getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(false) : tell(rows.get(0)).replaceWith(true));
    }

    private Uni<Void> tell(Object[] row) {
        String eventId = (String) row[0];
        UUID planId = (UUID) row[1];
        long oldPrice = ((Number) row[2]).longValue();
        long newPrice = ((Number) row[3]).longValue();
        Instant changedAt = Subscribers.instant(row[4]);
        int size = config.pageSize();
        return subscribers.page(planId, (UUID) row[5], size).chain(page -> {
            List<Notice> notices = page.stream()
                    .map(subscriber -> Notice.of(subscriber.memberId(), Category.SUBSCRIPTION, KIND, planId)
                            .with("oldPrice", oldPrice).with("newPrice", newPrice)
                            .with("nextChargeAt", nextCharge(subscriber, changedAt)))
                    .toList();
            if (page.isEmpty()) {
                return Panache.getSession().chain(session -> session.createNativeQuery(FINISH)
                        .setParameter(1, eventId).executeUpdate());
            }
            UUID last = page.get(page.size() - 1).memberId();
            return delivery.deliver(eventId, notices)
                    .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(ADVANCE)
                            .setParameter(1, eventId).setParameter(2, last).setParameter(3, page.size() < size)
                            .executeUpdate()));
        }).replaceWithVoid();
    }

    /** The next charge's date (KST) when it is known and after the change (then it is at the new price). */
    private static String nextCharge(Subscribers.Subscriber subscriber, Instant changedAt) {
        Instant next = subscriber.nextChargeAt();
        return next == null || !next.isAfter(changedAt) ? null : KST.format(next);
    }
}
