package dev.moa.notifications.notice;

import dev.moa.notifications.NotificationsConfig;
import dev.moa.notifications.feed.Feed;
import dev.moa.notifications.mail.MailOutbox;
import dev.moa.notifications.preference.Preferences;
import dev.moa.notifications.recipient.Recipient;
import dev.moa.notifications.template.NoticeTemplates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Delivers an event's notices inside the transaction that records the event as handled: per notice, the member's
 * preferences decide the channels; a feed row (in-app, and through it the live stream) and a mail outbox row (e-mail)
 * are written. A member's notices are delivered one transaction at a time (an advisory lock), so the rate limit
 * counts right. A coalesced notice within its open window updates the open notification and sends no mail.
 */
@ApplicationScoped
public class NoticeDelivery {

    /** A bound on one event's fan-out (a group's managers, later an auction's bidders). */
    static final int MAX_NOTICES_PER_EVENT = 1000;

    private static final String OPEN_WINDOW = """
            insert into coalescing_windows (member_id, category, coalesce_key, notification_id, opened_at, closes_at)
            values (?1, ?2, ?3, ?4, now(), now() + make_interval(secs => ?5))
            on conflict (member_id, category, coalesce_key) do update
                set notification_id = excluded.notification_id, opened_at = excluded.opened_at,
                    closes_at = excluded.closes_at
                where coalescing_windows.closes_at <= now()""";

    private final Preferences preferences;
    private final NoticeTemplates templates;
    private final Feed feed;
    private final MailOutbox mail;
    private final NotificationsConfig.Coalescing coalescing;

    public NoticeDelivery(Preferences preferences, NoticeTemplates templates, Feed feed, MailOutbox mail,
                          NotificationsConfig config) {
        this.preferences = preferences;
        this.templates = templates;
        this.feed = feed;
        this.mail = mail;
        this.coalescing = config.coalescing();
    }

    /** Delivers {@code notices}, the consequences of event {@code eventId}, in the current transaction. */
    public Uni<Void> deliver(String eventId, List<Notice> notices) {
        if (notices.size() > MAX_NOTICES_PER_EVENT) {
            throw new IllegalArgumentException("one event may tell at most " + MAX_NOTICES_PER_EVENT + " members");
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        // Members in one order, so that two events telling the same members never wait on each other's locks.
        for (Notice notice : notices.stream().sorted(Comparator.comparing(Notice::memberId)).toList()) {
            chain = chain.chain(() -> deliver(eventId, notice));
        }
        return chain;
    }

    private Uni<Void> deliver(String eventId, Notice notice) {
        if (!templates.has(notice.kind())) {
            throw new IllegalArgumentException("no templates for notices of kind " + notice.kind());
        }
        return lock(notice.memberId())
                .chain(() -> preferences.channels(notice.memberId(), notice.category()))
                .chain(channels -> {
                    if (channels.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID notificationId = UUID.randomUUID();
                    return openWindow(notice, notificationId).chain(fresh -> fresh
                            ? tell(eventId, notice, notificationId, channels)
                            : coalesce(notice));
                });
    }

    /** A new notification: in the feed and/or by mail. */
    private Uni<Void> tell(String eventId, Notice notice, UUID notificationId, Set<Channel> channels) {
        Uni<Void> inApp = channels.contains(Channel.IN_APP)
                ? headline(notice).chain(headline -> feed.add(notificationId, eventId, notice, headline))
                : Uni.createFrom().voidItem();
        return inApp.chain(() -> channels.contains(Channel.EMAIL)
                ? mail.queue(eventId, notice)
                : Uni.createFrom().voidItem());
    }

    /** Within an open window: the open notification shows the latest, unread and on top again; no new message. */
    private Uni<Void> coalesce(Notice notice) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select notification_id from coalescing_windows "
                                        + "where member_id = ?1 and category = ?2 and coalesce_key = ?3", UUID.class)
                        .setParameter(1, notice.memberId())
                        .setParameter(2, notice.category().name())
                        .setParameter(3, notice.coalesceKey())
                        .getSingleResult())
                .chain(openId -> headline(notice).chain(headline -> feed.coalesce(openId, notice, headline)));
    }

    /** Whether the notice opens a new window (or needs none); false when one is open for its key. */
    private Uni<Boolean> openWindow(Notice notice, UUID notificationId) {
        if (notice.coalesceKey() == null) {
            return Uni.createFrom().item(true);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN_WINDOW)
                        .setParameter(1, notice.memberId())
                        .setParameter(2, notice.category().name())
                        .setParameter(3, notice.coalesceKey())
                        .setParameter(4, notificationId)
                        .setParameter(5, (double) coalescing.window().toMillis() / 1000.0)
                        .executeUpdate())
                .map(opened -> opened == 1);
    }

    private Uni<NoticeTemplates.Headline> headline(Notice notice) {
        return Recipient.<Recipient>findById(notice.memberId()).map(recipient -> templates.headline(notice.kind(),
                recipient == null ? null : recipient.locale, notice.params(),
                recipient == null ? null : recipient.name));
    }

    /** Serializes the deliveries to one member until this transaction ends. */
    private static Uni<Void> lock(UUID memberId) {
        long key = memberId.getMostSignificantBits() ^ memberId.getLeastSignificantBits();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(?1)) locked", Integer.class)
                .setParameter(1, key).getSingleResult()).replaceWithVoid();
    }
}
