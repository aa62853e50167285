package dev.moa.auction.lot;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Lots: sellers create, edit and cancel theirs; everyone signed in browses them. */
@Path("/lots")
@Tag(name = "lots")
@RolesAllowed({Roles.MEMBER, Roles.SELLER, Roles.ADMIN})
public class LotResource {

    private final LotService lots;
    private final CurrentMember member;

    public LotResource(LotService lots, CurrentMember member) {
        this.lots = lots;
        this.member = member;
    }

    @POST
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Put a lot up for auction (sellers)")
    public Uni<Response> create(@Valid @NotNull LotTerms terms) {
        UUID seller = member.id();
        return lots.create(seller, terms).map(lot -> Response.created(URI.create("/lots/" + lot.id))
                .entity(LotView.of(lot, null, true, null)).build());
    }

    @GET
    @Operation(summary = "Browse lots: filter by status, category, artist or text; sort by ending, price, "
            + "price_desc or newest; paged")
    public Uni<LotService.Page<LotView>> search(@QueryParam("status") LotStatus status,
                                                @QueryParam("category") String category,
                                                @QueryParam("artist") String artist,
                                                @QueryParam("q") String text,
                                                @QueryParam("sort") String sort,
                                                @QueryParam("page") @DefaultValue("0") int page,
                                                @QueryParam("size") @DefaultValue("20") int size) {
        return lots.search(new LotSearch(status, category, artist, text, sort, page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A lot with its current price, bid count, end and your standing")
    public Uni<LotView> get(@PathParam("id") UUID id) {
        return lots.view(id, member.id(), member.hasRole(Roles.ADMIN));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Change your lot before it opens (sellers)")
    public Uni<LotView> edit(@PathParam("id") UUID id, @Valid @NotNull LotEdit edit) {
        return lots.edit(member.id(), id, edit).map(lot -> LotView.of(lot, null, true, null));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.SELLER, Roles.ADMIN})
    @Operation(summary = "Cancel a lot: its seller before it opens, an admin until it closes")
    public Uni<LotView> cancel(@PathParam("id") UUID id) {
        boolean admin = member.hasRole(Roles.ADMIN);
        return lots.cancel(member.id(), admin, id).map(lot -> LotView.of(lot, null, true, null));
    }
}
