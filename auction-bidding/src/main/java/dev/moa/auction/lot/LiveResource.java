package dev.moa.auction.lot;

import dev.moa.auction.live.LiveFeeds;
import dev.moa.auction.live.LiveLots;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.UUID;

/** Live prices of a lot over Server-Sent Events. */
@Path("/lots/{id}/live")
@Tag(name = "lots")
@RolesAllowed({Roles.MEMBER, Roles.SELLER, Roles.ADMIN})
public class LiveResource {

    private final LiveFeeds feeds;
    private final LiveLots live;
    private final CurrentMember member;

    public LiveResource(LiveFeeds feeds, LiveLots live, CurrentMember member) {
        this.feeds = feeds;
        this.live = live;
        this.member = member;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "Server-Sent Events: a snapshot, then each new price, extension and the close (JSON)")
    public Multi<String> watch(@PathParam("id") UUID lotId) {
        Uni<String> snapshot = live.snapshot(lotId, member.id()).map(now -> now == null
                ? "{\"type\":\"snapshot\",\"live\":false}"
                : "{\"type\":\"snapshot\",\"live\":true,\"status\":\"" + now.status() + "\",\"price\":" + now.price()
                + ",\"bidCount\":" + now.bidCount() + ",\"endsAt\":" + now.endsAt().toEpochMilli() + "}");
        return feeds.watch(lotId, snapshot);
    }
}
