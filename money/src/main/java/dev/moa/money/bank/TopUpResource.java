package dev.moa.money.bank;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * Top-ups from the member's linked bank account. Accepted at once (202) and settled when the bank answers: poll
 * {@code GET /top-ups/{id}} until it is COMPLETED or FAILED. A member sees only their own.
 */
@Path("/top-ups")
@Tag(name = "top-ups")
@RolesAllowed(Roles.MEMBER)
public class TopUpResource {

    private final TopUpService topUps;
    private final IdempotentRequests idempotent;
    private final CurrentMember member;

    public TopUpResource(TopUpService topUps, IdempotentRequests idempotent, CurrentMember member) {
        this.topUps = topUps;
        this.idempotent = idempotent;
        this.member = member;
    }

    @POST
    @Operation(summary = "Top up your wallet from your linked bank account (202; settled when the bank answers)")
    public Uni<Response> request(@HeaderParam(IdempotentRequests.HEADER) String key,
                                 @Valid @NotNull TopUpService.TopUpRequest request) {
        UUID memberId = member.id();
        return idempotent.execute(memberId.toString(), key, "POST /top-ups", request,
                () -> topUps.request(memberId, key, request).map(topUp -> Response.accepted(BankSagaView.of(topUp))
                        .location(URI.create("/top-ups/" + topUp.id)).build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your top-ups")
    public Uni<BankSagaView> one(@PathParam("id") UUID id) {
        UUID memberId = member.id();
        return Panache.withSession(() -> TopUp.<TopUp>findById(id))
                .map(topUp -> BankSagaView.ofOwn(topUp, memberId, "top-up"));
    }

    @GET
    @Operation(summary = "Your top-ups, newest first")
    public Uni<BankSagaPage> mine(@QueryParam("cursor") @Size(max = 200) String cursor,
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(BankSagaPage.MAX_PAGE)
                                  int limit) {
        UUID memberId = member.id();
        return Panache.withSession(() -> TopUp.<TopUp>find(BankSagaPage.query(cursor),
                        BankSagaPage.parameters(memberId, cursor)).page(0, limit).list())
                .map(list -> BankSagaPage.of(list, limit));
    }
}
