package dev.moa.money.report;

import dev.moa.events.money.TransferPosted;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The read models' writes: applies one {@link TransferPosted} to every projection in the caller's transaction, and
 * empties them for a rebuild. Which side is a member or a group wallet is read from {@code accounts} (an account's
 * kind and owner never change), so the same event always has the same effect, live or replayed.
 */
@ApplicationScoped
public class Projections {

    /** The projections' name in {@code projection_state}. */
    public static final String NAME = "money-reports";
    /** Stands for "a system account" where a projection keys money by who it came from. */
    public static final UUID SYSTEM = new UUID(0, 0);
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyy-MM");

    /** Every projection's update in one statement (migration V9). */
    private static final String PROJECT = "select moa_project_transfer(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    private static final String TRUNCATE = "truncate money_by_region, group_monthly_income, group_monthly_spending, "
            + "platform_totals, projection_state";

    /** Applies {@code event} to every projection, in the current transaction. */
    public Uni<Void> apply(TransferPosted event) {
        if (event.transferId() == null || event.debitAccountId() == null || event.creditAccountId() == null
                || event.amount() <= 0 || event.currency() == null || event.kind() == null
                || event.occurredAt() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("incomplete TransferPosted " + event));
        }
        String period = periodOf(event.occurredAt());
        UUID from = event.debitOwnerId() == null ? SYSTEM : event.debitOwnerId();
        String memo = event.memo() == null ? "" : event.memo();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(PROJECT, Integer.class)
                        .setParameter(1, event.debitAccountId())
                        .setParameter(2, event.creditAccountId())
                        .setParameter(3, event.currency())
                        .setParameter(4, event.amount())
                        .setParameter(5, event.kind())
                        .setParameter(6, period)
                        .setParameter(7, from)
                        .setParameter(8, memo)
                        .setParameter(9, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                        .setParameter(10, NAME)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Empties every projection and the consumer's record of what it applied, in the current transaction. */
    public Uni<Void> clear(String consumer) {
        return update(TRUNCATE).chain(() -> update("delete from moa_inbox where consumer = ?1", consumer))
                .replaceWithVoid();
    }

    /** The month (Asia/Seoul) an instant belongs to, as {@code yyyy-mm}. */
    static String periodOf(java.time.Instant instant) {
        return YearMonth.from(instant.atZone(SEOUL)).format(PERIOD);
    }

    private static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }
}
