package dev.moa.money.dues;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.money.directory.GroupRole;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sets a group's dues plan and tells who paid a month. Callers check that the caller belongs to the group (and may
 * manage dues); this class trusts its arguments.
 */
@ApplicationScoped
public class DuesPlans {

    private static final String UPSERT = """
            insert into dues_plans (group_id, amount, day_of_month, starts_on, updated_by, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6)
            on conflict (group_id) do update set amount = excluded.amount, day_of_month = excluded.day_of_month,
                starts_on = least(dues_plans.starts_on, excluded.starts_on), updated_by = excluded.updated_by,
                updated_at = excluded.updated_at""";

    private final Clock clock;

    public DuesPlans(Clock clock) {
        this.clock = clock;
    }

    /** A month's dues of every current member of the group. */
    public record MonthReport(UUID groupId, String period, long amount, int dayOfMonth, List<MemberDues> members) {
    }

    /** NOT_DUE_YET: no charge for the month (not due yet, or joined after the due day, or not collected yet). */
    public enum MemberStatus { PAID, UNPAID, NOT_DUE_YET }

    public record MemberDues(UUID memberId, String role, MemberStatus status, long amount, Instant paidAt) {
    }

    /**
     * Creates or changes the plan. A new plan starts with the first due day from today on (this month if its day has
     * not passed, else next month). A change keeps the first month; months already charged keep their amount, so
     * the change applies from the next collection.
     */
    public Uni<DuesPlan> set(UUID groupId, long amount, int dayOfMonth, UUID by) {
        LocalDate today = LocalDate.now(clock);
        YearMonth first = today.getDayOfMonth() <= dayOfMonth ? YearMonth.from(today)
                : YearMonth.from(today).plusMonths(1);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, groupId)
                        .setParameter(2, amount)
                        .setParameter(3, dayOfMonth)
                        .setParameter(4, first.atDay(1))
                        .setParameter(5, by)
                        .setParameter(6, Instant.now(clock))
                        .executeUpdate())
                .chain(() -> planOf(groupId));
    }

    public Uni<DuesPlan> planOf(UUID groupId) {
        return DuesPlan.<DuesPlan>findById(groupId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("A dues plan of group " + groupId));
    }

    public Uni<MonthReport> month(UUID groupId, YearMonth period) {
        String key = period.toString();
        return planOf(groupId).chain(plan -> GroupRole.<GroupRole>list("id.groupId", groupId)
                .chain(roles -> DuesCharge.<DuesCharge>list("id.groupId = ?1 and id.period = ?2", groupId, key)
                        .map(charges -> {
                            Map<UUID, DuesCharge> byMember = charges.stream()
                                    .collect(Collectors.toMap(c -> c.id.memberId, Function.identity()));
                            List<MemberDues> members = roles.stream()
                                    .sorted(Comparator.comparing(role -> role.id.memberId))
                                    .map(role -> dues(role, byMember.get(role.id.memberId), plan.amount))
                                    .toList();
                            return new MonthReport(groupId, key, plan.amount, plan.dayOfMonth, members);
                        })));
    }

    private static MemberDues dues(GroupRole role, DuesCharge charge, long planAmount) {
        if (charge == null) {
            return new MemberDues(role.id.memberId, role.role, MemberStatus.NOT_DUE_YET, planAmount, null);
        }
        return new MemberDues(role.id.memberId, role.role, MemberStatus.valueOf(charge.status.name()), charge.amount,
                charge.paidAt);
    }
}
