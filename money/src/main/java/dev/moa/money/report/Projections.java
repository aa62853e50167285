package dev.moa.money.report;

import dev.moa.events.money.TransferPosted;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The read models' writes: applies a batch of {@link TransferPosted} events to every projection in one statement, and
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

    /** Every projection's update for a batch of events in one statement, with the inbox claim (migration V10). */
    private static final String PROJECT = "select moa_project_transfers($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
            + "$11, $12) as applied";
    private static final String TRUNCATE = "truncate money_by_region, group_monthly_income, group_monthly_spending, "
            + "platform_totals, projection_state";

    private final Pool database;

    public Projections(Pool database) {
        this.database = database;
    }

    /** A TransferPosted and the CloudEvents id it came with (what the inbox deduplicates on). */
    public record Posted(String eventId, TransferPosted event) {

        /** Refuses an event that cannot be applied (for the dead-letter topic). */
        public Posted {
            if (eventId == null || eventId.isBlank() || event == null || event.transferId() == null
                    || event.debitAccountId() == null || event.creditAccountId() == null || event.amount() <= 0
                    || event.currency() == null || event.kind() == null || event.occurredAt() == null) {
                throw new IllegalArgumentException("incomplete TransferPosted " + event);
            }
        }
    }

    /**
     * Applies each event not applied before under {@code consumer} to every projection: one statement, so one
     * transaction, with the consumer's inbox records. Returns how many were applied now.
     */
    public Uni<Integer> applyAll(String consumer, List<Posted> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = batch.size();
        String[] ids = new String[n];
        UUID[] debits = new UUID[n];
        UUID[] credits = new UUID[n];
        String[] currencies = new String[n];
        Long[] amounts = new Long[n];
        String[] kinds = new String[n];
        String[] periods = new String[n];
        UUID[] froms = new UUID[n];
        String[] memos = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            TransferPosted event = batch.get(i).event();
            ids[i] = batch.get(i).eventId();
            debits[i] = event.debitAccountId();
            credits[i] = event.creditAccountId();
            currencies[i] = event.currency();
            amounts[i] = event.amount();
            kinds[i] = event.kind();
            periods[i] = periodOf(event.occurredAt());
            froms[i] = event.debitOwnerId() == null ? SYSTEM : event.debitOwnerId();
            memos[i] = event.memo() == null ? "" : event.memo();
            occurred[i] = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        }
        Tuple parameters = Tuple.from(new Object[] {consumer, ids, debits, credits, currencies, amounts, kinds,
                periods, froms, memos, occurred, NAME});
        return database.preparedQuery(PROJECT).execute(parameters)
                .map(rows -> rows.iterator().next().getInteger("applied"));
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
