package dev.moa.auction.registration;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Registering to bid on a lot, with a limit that money holds in the bidder's wallet. */
@Path("/lots/{id}/registrations")
@Tag(name = "registrations")
@RolesAllowed({Roles.MEMBER, Roles.SELLER, Roles.ADMIN})
public class RegistrationResource {

    private final RegistrationService registrations;
    private final IdempotentRequests idempotent;
    private final CurrentMember member;

    public RegistrationResource(RegistrationService registrations, IdempotentRequests idempotent,
                                CurrentMember member) {
        this.registrations = registrations;
        this.idempotent = idempotent;
        this.member = member;
    }

    @POST
    @Operation(summary = "Register to bid up to a limit, or raise your limit; money holds it (202: pending)")
    public Uni<Response> register(@PathParam("id") UUID lotId, @HeaderParam(IdempotentRequests.HEADER) String key,
                                  @Valid @NotNull RegistrationService.Request request) {
        UUID bidder = member.id();
        return idempotent.execute(bidder.toString(), key, "POST /lots/" + lotId + "/registrations", request,
                () -> registrations.register(bidder, lotId, request.limit()).map(view -> Response.accepted(view)
                        .location(URI.create("/lots/" + lotId + "/registrations/me")).build()));
    }

    @GET
    @Path("/me")
    @Operation(summary = "Your registration for the lot")
    public Uni<RegistrationService.View> mine(@PathParam("id") UUID lotId) {
        UUID bidder = member.id();
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> registrations.mine(bidder, lotId));
    }
}
