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

    private static final String REGION = """
            insert into money_by_region (region, currency, held)
            select coalesce(d.region, 'UNKNOWN'), ?2, ?3
            from accounts a left join member_directory d on d.member_id = a.owner_id
            where a.id = ?1 and a.kind = 'MEMBER_WALLET'
            on conflict (region, currency) do update set held = money_by_region.held + excluded.held""";
    private static final String INCOME = """
            insert into group_monthly_income (group_id, period, member_id, amount)
            select a.owner_id, ?2, ?3, ?4 from accounts a where a.id = ?1 and a.kind = 'GROUP_WALLET'
            on conflict (group_id, period, member_id)
            do update set amount = group_monthly_income.amount + excluded.amount""";
    private static final String SPENDING = """
            insert into group_monthly_spending (group_id, period, memo, amount)
            select a.owner_id, ?2, ?3, ?4 from accounts a where a.id = ?1 and a.kind = 'GROUP_WALLET'
            on conflict (group_id, period, memo)
            do update set amount = group_monthly_spending.amount + excluded.amount""";
    private static final String TOTALS = """
            insert into platform_totals (kind, currency, count, amount) values (?1, ?2, 1, ?3)
            on conflict (kind, currency)
            do update set count = platform_totals.count + 1, amount = platform_totals.amount + excluded.amount""";
    private static final String STATE = """
            insert into projection_state (name, last_event_at, updated_at) values (?1, ?2, now())
            on conflict (name) do update
            set last_event_at = greatest(projection_state.last_event_at, excluded.last_event_at), updated_at = now()""";
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
        return update(REGION, event.debitAccountId(), event.currency(), -event.amount())
                .chain(() -> update(REGION, event.creditAccountId(), event.currency(), event.amount()))
                .chain(() -> update(INCOME, event.creditAccountId(), period, from, event.amount()))
                .chain(() -> update(SPENDING, event.debitAccountId(), period, memo, event.amount()))
                .chain(() -> update(TOTALS, event.kind(), event.currency(), event.amount()))
                .chain(() -> update(STATE, NAME, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC)))
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
