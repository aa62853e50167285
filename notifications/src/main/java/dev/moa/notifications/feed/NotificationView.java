package dev.moa.notifications.feed;

import dev.moa.notifications.notice.Category;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as the feed and the live stream show it.
 *
 * @param seq       its place in the member's feed (newest is highest); the SSE event id
 * @param ref       the id of what it is about (a transfer, a group, a lot), or null
 * @param coalesced how many later notices of the same subject were folded into it
 */
public record NotificationView(UUID id, long seq, Category category, String kind, String ref, String title,
                               String summary, int coalesced, Instant createdAt, Instant updatedAt, Instant readAt) {

    static final String COLUMNS = "id, seq, category, kind, ref, title, summary, coalesced_count, created_at, "
            + "updated_at, read_at";

    static NotificationView of(Row row) {
        return new NotificationView(row.getUUID("id"), row.getLong("seq"), Category.valueOf(row.getString("category")),
                row.getString("kind"), row.getString("ref"), row.getString("title"), row.getString("summary"),
                row.getInteger("coalesced_count"), instant(row, "created_at"), instant(row, "updated_at"),
                instant(row, "read_at"));
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
