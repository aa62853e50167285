package dev.moa.auction.bid;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Bidding on a live lot. */
@Path("/lots/{id}/bids")
@Tag(name = "bids")
@RolesAllowed({Roles.MEMBER, Roles.SELLER, Roles.ADMIN})
public class BidResource {

    private final BidService bids;
    private final BidHistory history;
    private final CurrentMember member;

    public BidResource(BidService bids, BidHistory history, CurrentMember member) {
        this.bids = bids;
        this.history = history;
        this.member = member;
    }

    @GET
    @Operation(summary = "The lot's bids from the bid log, newest first (others masked); page back with before")
    public Uni<List<BidHistory.SeenBid>> history(@PathParam("id") UUID lotId, @QueryParam("before") Long before,
                                                 @QueryParam("size") @DefaultValue("50") int size) {
        return history.ofLot(lotId, member.id(), before, size);
    }

    @POST
    @Operation(summary = "Bid {amount}, or a proxy bid {maxAmount}; needs an Idempotency-Key. 201 with the new price "
            + "and whether you lead, or a problem saying why not (bid-too-low carries the minimum next bid). A "
            + "leader's maxAmount above their maximum raises it and is no bid: 201 with maximumRaised, seq, price "
            + "and end unchanged")
    public Uni<RestResponse<BidResult>> bid(@PathParam("id") UUID lotId,
                                            @HeaderParam(IdempotentRequests.HEADER) String key, BidRequest request) {
        // No Bean Validation here: BidService checks the request (BidRequest.invalid), on the hottest path there is.
        return bids.bid(lotId, member.id(), key, request).map(placed -> {
            RestResponse.ResponseBuilder<BidResult> response = RestResponse.ResponseBuilder
                    .<BidResult>created(URI.create("/lots/" + lotId)).entity(placed.result());
            if (placed.replayed()) {
                response.header(IdempotentRequests.REPLAYED_HEADER, "true");
            }
            return response.build();
        });
    }
}
