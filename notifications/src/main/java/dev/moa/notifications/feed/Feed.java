package dev.moa.notifications.feed;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.notifications.notice.Notice;
import dev.moa.notifications.template.NoticeTemplates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The in-app feed. Writes ({@link #add}, {@link #coalesce}) run in the consumer's transaction; each commits a
 * {@code NOTIFY moa_notifications} that the live streams follow. Reads and read marks are always about one member,
 * the caller: another member's notification is simply not found.
 */
@ApplicationScoped
public class Feed {

    public static final int MAX_PAGE = 100;

    private static final String INSERT = """
            insert into notifications (id, member_id, event_id, category, kind, ref, title, summary)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            on conflict (event_id, member_id, kind) do nothing""";
    private static final String COALESCE = """
            update notifications set title = ?2, summary = ?3, seq = nextval('notifications_seq'), read_at = null,
                   updated_at = now(), coalesced_count = coalesced_count + 1
            where id = ?1 and member_id = ?4""";

    /** A page of the feed, newest first; {@code nextBefore} asks for the next (older) page, null at the end. */
    public record Page(List<NotificationView> items, Long nextBefore) {
    }

    private final Pool pool;

    public Feed(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> add(UUID id, String eventId, Notice notice, NoticeTemplates.Headline headline) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, id)
                .setParameter(2, notice.memberId())
                .setParameter(3, eventId)
                .setParameter(4, notice.category().name())
                .setParameter(5, notice.kind())
                .setParameter(6, notice.ref())
                .setParameter(7, headline.title())
                .setParameter(8, headline.summary())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> coalesce(UUID id, Notice notice, NoticeTemplates.Headline headline) {
        return Panache.getSession().chain(session -> session.createNativeQuery(COALESCE)
                .setParameter(1, id)
                .setParameter(2, headline.title())
                .setParameter(3, headline.summary())
                .setParameter(4, notice.memberId())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Page> page(UUID memberId, Long before, int limit) {
        return pool.preparedQuery("select " + NotificationView.COLUMNS + " from notifications "
                        + "where member_id = $1 and seq < $2 order by seq desc limit $3")
                .execute(Tuple.of(memberId, before == null ? Long.MAX_VALUE : before, limit))
                .map(rows -> {
                    List<NotificationView> items = new ArrayList<>(limit);
                    rows.forEach(row -> items.add(NotificationView.of(row)));
                    Long next = items.size() < limit ? null : items.get(items.size() - 1).seq();
                    return new Page(items, next);
                });
    }

    /** The member's notification {@code id}, or null when it is not theirs (or gone). */
    public Uni<NotificationView> find(UUID memberId, UUID id) {
        return pool.preparedQuery("select " + NotificationView.COLUMNS + " from notifications "
                        + "where id = $1 and member_id = $2")
                .execute(Tuple.of(id, memberId))
                .map(rows -> rows.size() == 0 ? null : NotificationView.of(rows.iterator().next()));
    }

    public Uni<Long> unread(UUID memberId) {
        return pool.preparedQuery("select count(*) from notifications where member_id = $1 and read_at is null")
                .execute(Tuple.of(memberId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Marks the member's notification read; 404 when it is not theirs. */
    public Uni<Void> markRead(UUID memberId, UUID id) {
        return pool.preparedQuery("update notifications set read_at = coalesce(read_at, now()) "
                        + "where id = $1 and member_id = $2")
                .execute(Tuple.of(id, memberId))
                .map(RowSet::rowCount)
                .invoke(count -> {
                    if (count == 0) {
                        throw ProblemException.notFound("Notification " + id);
                    }
                })
                .replaceWithVoid();
    }

    /** Marks every unread notification of the member read; returns how many. */
    public Uni<Integer> markAllRead(UUID memberId) {
        return pool.preparedQuery("update notifications set read_at = now() where member_id = $1 and read_at is null")
                .execute(Tuple.of(memberId))
                .map(RowSet::rowCount);
    }
}
