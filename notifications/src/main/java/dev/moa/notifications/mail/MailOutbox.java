package dev.moa.notifications.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.events.EventJson;
import dev.moa.notifications.NotificationsConfig;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Notice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Queues a notice's mail in the transaction of its notification; {@link MailSender} sends it after the commit. A
 * switchable mail beyond the member's rate limit is kept as SUPPRESSED (no mail), so a flood of events (a bidding war,
 * a spree of tiny remittances) cannot flood an inbox; receipts and security notices are never suppressed.
 */
@ApplicationScoped
public class MailOutbox {

    private static final String MANDATORY = Arrays.stream(Category.values()).filter(Category::mandatory)
            .map(category -> "'" + category.name() + "'").collect(Collectors.joining(", "));
    private static final String RECENT = "select count(*) from mail_outbox where member_id = ?1 "
            + "and created_at > now() - make_interval(secs => ?2) and status <> 'SUPPRESSED' "
            + "and category not in (" + MANDATORY + ")";
    private static final String INSERT = """
            insert into mail_outbox (id, event_id, member_id, kind, category, params, status, last_error)
            values (?1, ?2, ?3, ?4, ?5, cast(cast(?6 as text) as jsonb), ?7, ?8)
            on conflict (event_id, member_id, kind) do nothing""";

    private final NotificationsConfig.Mail config;

    public MailOutbox(NotificationsConfig config) {
        this.config = config.mail();
    }

    /** Queues the mail of {@code notice}; call inside the transaction that records {@code eventId} as handled. */
    public Uni<Void> queue(String eventId, Notice notice) {
        String params;
        try {
            params = EventJson.mapper().writeValueAsString(notice.params());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notice parameters cannot be written as JSON", e);
        }
        return overLimit(notice).chain(limited -> Panache.getSession().chain(session -> session
                .createNativeQuery(INSERT)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, eventId)
                .setParameter(3, notice.memberId())
                .setParameter(4, notice.kind())
                .setParameter(5, notice.category().name())
                .setParameter(6, params)
                .setParameter(7, limited ? "SUPPRESSED" : "PENDING")
                .setParameter(8, limited ? "rate-limited" : null)
                .executeUpdate())).replaceWithVoid();
    }

    private Uni<Boolean> overLimit(Notice notice) {
        if (notice.category().mandatory()) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(RECENT, Long.class)
                        .setParameter(1, notice.memberId())
                        .setParameter(2, (double) config.rateWindow().toSeconds())
                        .getSingleResult())
                .map(recent -> recent >= config.rateLimit());
    }
}
