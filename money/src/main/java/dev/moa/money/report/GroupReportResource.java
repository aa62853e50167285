package dev.moa.money.report;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.money.directory.GroupRole;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A group's monthly report (income by member, spending by memo), for the members of the group only: anyone else
 * gets 404, as for the group's wallet. Months are calendar months in Asia/Seoul; the figures are the projections'
 * (eventually consistent with the group's ledger).
 */
@Path("/groups/{groupId}/reports")
@Tag(name = "groups")
@RolesAllowed(Roles.MEMBER)
public class GroupReportResource {

    private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");

    private final CurrentMember member;
    private final Reports reports;

    public GroupReportResource(CurrentMember member, Reports reports) {
        this.member = member;
        this.reports = reports;
    }

    @GET
    @Path("/{period}")
    public Uni<Reports.GroupMonth> month(@PathParam("groupId") UUID groupId, @PathParam("period") String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw ProblemException.badRequest("invalid-period", "The period is a month as yyyy-mm, e.g. 2026-03");
        }
        return Panache.withSession(() -> GroupRole.of(groupId, member.id())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Group " + groupId))
                .chain(role -> reports.groupMonth(groupId, period)));
    }
}
