package dev.moa.payment.dashboard;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.payment.clock.SeoulClock;
import dev.moa.payment.subscription.Subscription;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The seller dashboard: their own plans only. */
@Path("/dashboard")
@Tag(name = "dashboard")
@RolesAllowed(Roles.SELLER)
public class DashboardResource {

    static final int MAX_DAYS = 366;
    private static final String REVENUE = """
            select (c.updated_at at time zone 'Asia/Seoul')::date::text, coalesce(sum(c.amount), 0)::bigint
            from subscription_charges c join subscriptions s on s.id = c.subscription_id
            where s.seller_id = ?1 and c.status = 'PAID' and c.updated_at >= ?2 and c.updated_at < ?3 group by 1""";
    private static final String STARTED = """
            select (started_at at time zone 'Asia/Seoul')::date::text, count(*) from subscriptions
            where seller_id = ?1 and started_at >= ?2 and started_at < ?3 group by 1""";
    private static final String ENDED = """
            select (ended_at at time zone 'Asia/Seoul')::date::text, count(*) from subscriptions
            where seller_id = ?1 and status = 'CANCELED' and started_at is not null
              and ended_at >= ?2 and ended_at < ?3 group by 1""";
    private static final String TOP = """
            select p.id::text, p.name,
                   (select count(*) from subscriptions s where s.plan_id = p.id and s.status in ('ACTIVE', 'PAST_DUE')),
                   (select coalesce(sum(c.amount), 0)::bigint from subscription_charges c
                      join subscriptions s on s.id = c.subscription_id
                     where s.plan_id = p.id and c.status = 'PAID' and c.updated_at >= ?2 and c.updated_at < ?3)
            from plans p where p.seller_id = ?1 order by 3 desc, 4 desc, p.id limit 5""";

    private final CurrentMember member;
    private final Clock clock;

    public DashboardResource(CurrentMember member, Clock clock) {
        this.member = member;
        this.clock = clock;
    }

    private record Range(LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    @GET
    @WithSession
    @Operation(summary = "Revenue and subscribers of your plans by day and month, and your top plans "
            + "(from/to: ISO dates in Asia/Seoul, at most 366 days; the last 30 days by default)")
    public Uni<Dashboard> dashboard(@QueryParam("from") String from, @QueryParam("to") String to) {
        Range range = range(from, to);
        UUID me = member.id();
        Map<String, long[]> days = new TreeMap<>();
        return rows(REVENUE, me, range).invoke(rows -> add(days, rows, 0))
                .chain(() -> rows(STARTED, me, range)).invoke(rows -> add(days, rows, 1))
                .chain(() -> rows(ENDED, me, range)).invoke(rows -> add(days, rows, 2))
                .chain(() -> Subscription.count("sellerId = ?1 and status in ?2", me,
                        List.of(Subscription.Status.ACTIVE, Subscription.Status.PAST_DUE)))
                .chain(active -> rows(TOP, me, range).map(top -> new Dashboard(range.from(), range.to(),
                        active, buckets(days), buckets(byMonth(days)),
                        top.stream().map(DashboardResource::topPlan).toList())));
    }

    private Range range(String from, String to) {
        LocalDate today = LocalDate.now(clock.withZone(SeoulClock.ZONE));
        LocalDate end = date(to, today);
        LocalDate start = date(from, end.minusDays(29));
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ProblemException.badRequest("invalid-range", "from must not be after to, and the range is at most "
                    + MAX_DAYS + " days");
        }
        return new Range(start, end, start.atStartOfDay(SeoulClock.ZONE).toInstant(),
                end.plusDays(1).atStartOfDay(SeoulClock.ZONE).toInstant());
    }

    private static LocalDate date(String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "Dates are ISO dates such as 2035-01-31");
        }
    }

    private static void add(Map<String, long[]> days, List<?> rows, int column) {
        for (Object row : rows) {
            Object[] values = (Object[]) row;
            days.computeIfAbsent((String) values[0], day -> new long[3])[column] += ((Number) values[1]).longValue();
        }
    }

    private static Map<String, long[]> byMonth(Map<String, long[]> days) {
        Map<String, long[]> months = new TreeMap<>();
        days.forEach((day, values) -> {
            long[] month = months.computeIfAbsent(day.substring(0, 7), m -> new long[3]);
            for (int i = 0; i < 3; i++) {
                month[i] += values[i];
            }
        });
        return months;
    }

    private static List<Dashboard.Bucket> buckets(Map<String, long[]> periods) {
        List<Dashboard.Bucket> buckets = new ArrayList<>();
        periods.forEach((period, v) -> buckets.add(new Dashboard.Bucket(period, v[0], v[1], v[2])));
        return buckets;
    }

    private static Dashboard.TopPlan topPlan(Object row) {
        Object[] values = (Object[]) row;
        return new Dashboard.TopPlan(UUID.fromString((String) values[0]), (String) values[1],
                ((Number) values[2]).longValue(), ((Number) values[3]).longValue());
    }

    private static Uni<List<Object>> rows(String sql, UUID seller, Range range) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter(1, seller).setParameter(2, range.start()).setParameter(3, range.end())
                .getResultList()).map(rows -> new ArrayList<Object>(rows));
    }
}
