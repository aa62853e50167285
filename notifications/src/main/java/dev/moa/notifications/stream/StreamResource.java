package dev.moa.notifications.stream;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.notifications.NotificationsConfig;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.UUID;

/**
 * The calling member's notifications, live, as Server-Sent Events: first {@code event: ready}, then one
 * {@code event: notification} (id = its feed seq, data = the notification as JSON) per new or coalesced
 * notification of that member and no one else, with a comment line now and then to keep the connection open.
 * After a reconnect, a client reads what it missed from {@code GET /notifications/me}.
 */
@Path("/notifications/me/stream")
@Tag(name = "feed")
@RolesAllowed(Roles.MEMBER)
public class StreamResource {

    private final CurrentMember member;
    private final LiveFeed live;
    private final Duration heartbeat;

    public StreamResource(CurrentMember member, LiveFeed live, NotificationsConfig config) {
        this.member = member;
        this.live = live;
        this.heartbeat = config.stream().heartbeat();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "My notifications as they arrive (SSE)")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        UUID me = member.id();
        Multi<LiveFeed.StreamItem> items;
        try {
            items = live.open(me);
        } catch (MemberStreams.TooManyStreams e) {
            throw ProblemException.tooManyRequests(e.getMessage(), 5);
        }
        Multi<OutboundSseEvent> events = items.map(item -> item.notification() == null
                ? sse.newEventBuilder().name("ready").data("{}").build()
                : sse.newEventBuilder().name("notification").id(Long.toString(item.notification().seq()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(item.notification()).build());
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(heartbeat).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("ping").build());
        return Multi.createBy().merging().streams(events, pings);
    }
}
