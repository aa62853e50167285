package dev.moa.auction.bid;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** A lot's bid history. Bids themselves ({@code POST} on this path) go through {@link BidRoute}. */
@Path("/lots/{id}/bids")
@Tag(name = "bids")
@RolesAllowed({Roles.MEMBER, Roles.SELLER, Roles.ADMIN})
public class BidResource {

    private final BidHistory history;
    private final CurrentMember member;

    public BidResource(BidHistory history, CurrentMember member) {
        this.history = history;
        this.member = member;
    }

    @GET
    @Operation(summary = "The lot's bids from the bid log, newest first (others masked); page back with before")
    public Uni<List<BidHistory.SeenBid>> history(@PathParam("id") UUID lotId, @QueryParam("before") Long before,
                                                 @QueryParam("size") @DefaultValue("50") int size) {
        return history.ofLot(lotId, member.id(), before, size);
    }
}
