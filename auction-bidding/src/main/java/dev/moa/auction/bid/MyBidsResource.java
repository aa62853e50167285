package dev.moa.auction.bid;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The caller's own bidding. */
@Path("/bids/me")
@Tag(name = "bids")
@RolesAllowed({Roles.MEMBER, Roles.SELLER, Roles.ADMIN})
public class MyBidsResource {

    private final BidHistory history;
    private final CurrentMember member;

    public MyBidsResource(BidHistory history, CurrentMember member) {
        this.history = history;
        this.member = member;
    }

    @GET
    @Operation(summary = "Your lots: registration, limit, your maximum, whether you lead or won (latest 100)")
    public Uni<List<BidHistory.MyLot>> mine() {
        return history.mine(member.id());
    }
}
