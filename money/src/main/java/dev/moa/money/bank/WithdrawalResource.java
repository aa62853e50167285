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
 * Withdrawals to the member's linked bank account. The amount is held at once and the request accepted (202); it is
 * settled when the bank answers: poll {@code GET /withdrawals/{id}} until it is COMPLETED or FAILED. A member sees
 * only their own.
 */
@Path("/withdrawals")
@Tag(name = "withdrawals")
@RolesAllowed(Roles.MEMBER)
public class WithdrawalResource {

    private final WithdrawalService withdrawals;
    private final IdempotentRequests idempotent;
    private final CurrentMember member;

    public WithdrawalResource(WithdrawalService withdrawals, IdempotentRequests idempotent, CurrentMember member) {
        this.withdrawals = withdrawals;
        this.idempotent = idempotent;
        this.member = member;
    }

    @POST
    @Operation(summary = "Withdraw to your linked bank account (held at once, 202; settled when the bank answers)")
    public Uni<Response> request(@HeaderParam(IdempotentRequests.HEADER) String key,
                                 @Valid @NotNull WithdrawalService.WithdrawalRequest request) {
        UUID memberId = member.id();
        return idempotent.execute(memberId.toString(), key, "POST /withdrawals", request,
                () -> withdrawals.request(memberId, key, request).map(withdrawal -> Response
                        .accepted(BankSagaView.of(withdrawal))
                        .location(URI.create("/withdrawals/" + withdrawal.id)).build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your withdrawals")
    public Uni<BankSagaView> one(@PathParam("id") UUID id) {
        UUID memberId = member.id();
        return Panache.withSession(() -> Withdrawal.<Withdrawal>findById(id))
                .map(withdrawal -> BankSagaView.ofOwn(withdrawal, memberId, "withdrawal"));
    }

    @GET
    @Operation(summary = "Your withdrawals, newest first")
    public Uni<BankSagaPage> mine(@QueryParam("cursor") @Size(max = 200) String cursor,
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(BankSagaPage.MAX_PAGE)
                                  int limit) {
        UUID memberId = member.id();
        return Panache.withSession(() -> Withdrawal.<Withdrawal>find(BankSagaPage.query(cursor),
                        BankSagaPage.parameters(memberId, cursor)).page(0, limit).list())
                .map(list -> BankSagaPage.of(list, limit));
    }
}
