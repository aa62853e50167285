package dev.moa.money.report;

import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The platform-wide read models, for admins: money by region, platform totals, and their rebuild. They show what
 * the projections have applied from {@code money.events} so far: eventually consistent with the ledger, behind it by
 * the lag metric ({@link ProjectionLag}).
 */
@Path("/")
@Tag(name = "reports")
public class ReportResource {

    private final Reports reports;
    private final ProjectionRebuild rebuild;

    public ReportResource(Reports reports, ProjectionRebuild rebuild) {
        this.reports = reports;
        this.rebuild = rebuild;
    }

    @GET
    @Path("/reports/money-by-region")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Reports.MoneyByRegion> moneyByRegion() {
        return reports.moneyByRegion();
    }

    @GET
    @Path("/reports/platform-totals")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Reports.PlatformTotals> platformTotals() {
        return reports.platformTotals();
    }

    /** Empties the read models and replays {@code money.events} into them; answers at once, they fill up after. */
    @POST
    @Path("/admin/reports/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> rebuild() {
        return rebuild.start().map(started -> Response.accepted(started).build());
    }
}
