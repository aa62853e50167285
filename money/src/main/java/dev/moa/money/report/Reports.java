package dev.moa.money.report;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reads the projections. Every list is bounded by what it is keyed by (regions, kinds, a group's month). */
@ApplicationScoped
public class Reports {

    private static final int MAX_ROWS = 10_000;

    public record RegionHeld(String region, String currency, long held) {
    }

    /** Money in member wallets by region; {@code asOf} is the occurredAt of the latest event applied. */
    public record MoneyByRegion(List<RegionHeld> regions, Instant asOf) {
    }

    public record KindTotal(String kind, String currency, long count, long amount) {
    }

    public record PlatformTotals(List<KindTotal> kinds, Instant asOf) {
    }

    /** Income from a member ({@code memberId} null for money from a system account, e.g. a refund). */
    public record MemberIncome(UUID memberId, long amount) {
    }

    public record MemoSpending(String memo, long amount) {
    }

    public record GroupMonth(UUID groupId, String period, List<MemberIncome> incomeByMember,
                             List<MemoSpending> spendingByMemo, long totalIncome, long totalSpending) {
    }

    public Uni<MoneyByRegion> moneyByRegion() {
        return Panache.withSession(() -> rows("select region, currency, held from money_by_region "
                + "order by region, currency limit " + MAX_ROWS)
                .map(rows -> rows.stream().map(row -> new RegionHeld((String) row[0], (String) row[1],
                        number(row[2]))).toList())
                .chain(regions -> asOf().map(asOf -> new MoneyByRegion(regions, asOf))));
    }

    public Uni<PlatformTotals> platformTotals() {
        return Panache.withSession(() -> rows("select kind, currency, count, amount from platform_totals "
                + "order by kind, currency limit " + MAX_ROWS)
                .map(rows -> rows.stream().map(row -> new KindTotal((String) row[0], (String) row[1],
                        number(row[2]), number(row[3]))).toList())
                .chain(kinds -> asOf().map(asOf -> new PlatformTotals(kinds, asOf))));
    }

    /** Called within a session. */
    public Uni<GroupMonth> groupMonth(UUID groupId, String period) {
        return rows("select member_id, amount from group_monthly_income where group_id = ?1 and period = ?2 "
                + "order by amount desc, member_id limit " + MAX_ROWS, groupId, period)
                .map(rows -> rows.stream().map(row -> new MemberIncome(
                        Projections.SYSTEM.equals(row[0]) ? null : (UUID) row[0], number(row[1]))).toList())
                .chain(income -> rows("select memo, amount from group_monthly_spending where group_id = ?1 "
                        + "and period = ?2 order by amount desc, memo limit " + MAX_ROWS, groupId, period)
                        .map(rows -> rows.stream().map(row -> new MemoSpending((String) row[0], number(row[1])))
                                .toList())
                        .map(spending -> new GroupMonth(groupId, period, income, spending,
                                income.stream().mapToLong(MemberIncome::amount).reduce(0, Math::addExact),
                                spending.stream().mapToLong(MemoSpending::amount).reduce(0, Math::addExact))));
    }

    private static Uni<Instant> asOf() {
        return rows("select last_event_at from projection_state where name = ?1", Projections.NAME)
                .map(rows -> rows.isEmpty() ? null : instant(rows.get(0)));
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList().map(list -> list.stream()
                    .map(row -> row instanceof Object[] array ? array : new Object[]{row}).toList());
        });
    }

    private static Instant instant(Object[] row) {
        Object value = row[0];
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Instant time) {
            return time;
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        return value instanceof java.time.LocalDateTime time ? time.toInstant(java.time.ZoneOffset.UTC) : null;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
