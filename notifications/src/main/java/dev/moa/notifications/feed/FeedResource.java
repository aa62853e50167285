package dev.moa.notifications.feed;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The calling member's in-app feed. Another member's notification answers 404, as if it did not exist. */
@Path("/notifications")
@Tag(name = "feed")
@RolesAllowed(Roles.MEMBER)
public class FeedResource {

    public record UnreadCount(long unread) {
    }

    public record Marked(int marked) {
    }

    private final CurrentMember member;
    private final Feed feed;

    public FeedResource(CurrentMember member, Feed feed) {
        this.member = member;
        this.feed = feed;
    }

    @GET
    @Path("/me")
    @Operation(summary = "My notifications, newest first; pass nextBefore as before for the next page")
    public Uni<Feed.Page> mine(@QueryParam("before") @Min(1) Long before,
                               @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Feed.MAX_PAGE) int limit) {
        return feed.page(member.id(), before, limit);
    }

    @GET
    @Path("/me/unread-count")
    @Operation(summary = "How many of my notifications are unread")
    public Uni<UnreadCount> unreadCount() {
        return feed.unread(member.id()).map(UnreadCount::new);
    }

    @POST
    @Path("/me/read-all")
    @Operation(summary = "Mark all my notifications read")
    public Uni<Marked> readAll() {
        return feed.markAllRead(member.id()).map(Marked::new);
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    public Uni<Void> read(@PathParam("id") UUID id) {
        return feed.markRead(member.id(), id);
    }
}
