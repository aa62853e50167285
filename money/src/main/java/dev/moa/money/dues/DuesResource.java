package dev.moa.money.dues;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.money.directory.GroupRole;
import dev.moa.money.ledger.TransferOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A group's dues (회비). Every member of the group sees the plan and who paid which month; only the OWNER or a
 * TREASURER sets the plan (403 for other members); a non-member gets 404, as if the group did not exist.
 */
@Path("/groups/{groupId}")
@Tag(name = "groups")
@RolesAllowed(Roles.MEMBER)
public class DuesResource {

    private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");

    private final CurrentMember member;
    private final DuesPlans plans;

    public DuesResource(CurrentMember member, DuesPlans plans) {
        this.member = member;
        this.plans = plans;
    }

    public record PlanRequest(@Min(1) @Max(TransferOrder.MAX_AMOUNT) long amount,
                              @Min(1) @Max(28) int dayOfMonth) {
    }

    /** {@code firstPeriod}: the first month collected ({@code yyyy-MM}). */
    public record PlanView(UUID groupId, long amount, int dayOfMonth, String firstPeriod, UUID updatedBy,
                           Instant updatedAt) {

        static PlanView of(DuesPlan plan) {
            return new PlanView(plan.groupId, plan.amount, plan.dayOfMonth, YearMonth.from(plan.startsOn).toString(),
                    plan.updatedBy, plan.updatedAt);
        }
    }

    @PUT
    @Path("/dues-plan")
    public Uni<PlanView> setPlan(@PathParam("groupId") UUID groupId, @Valid @NotNull PlanRequest request) {
        UUID caller = member.id();
        return Panache.withTransaction(() -> membership(groupId)
                        .invoke(role -> {
                            if (!role.canManageDues()) {
                                throw new ProblemException(403, "group-role-required", "Forbidden",
                                        "Only the group's owner or a treasurer sets its dues");
                            }
                        })
                        .chain(role -> plans.set(groupId, request.amount(), request.dayOfMonth(), caller)))
                .map(PlanView::of);
    }

    @GET
    @Path("/dues-plan")
    public Uni<PlanView> plan(@PathParam("groupId") UUID groupId) {
        return Panache.withSession(() -> membership(groupId).chain(role -> plans.planOf(groupId)))
                .map(PlanView::of);
    }

    @GET
    @Path("/dues/{period}")
    public Uni<DuesPlans.MonthReport> month(@PathParam("groupId") UUID groupId, @PathParam("period") String period) {
        YearMonth month = period(period);
        return Panache.withSession(() -> membership(groupId).chain(role -> plans.month(groupId, month)));
    }

    private static YearMonth period(String text) {
        if (text == null || !PERIOD.matcher(text).matches()) {
            throw ProblemException.badRequest("invalid-period", "A period is a month as yyyy-MM, e.g. 2026-11");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-period", "A period is a month as yyyy-MM, e.g. 2026-11");
        }
    }

    private Uni<GroupRole> membership(UUID groupId) {
        return GroupRole.of(groupId, member.id())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Group " + groupId));
    }
}
