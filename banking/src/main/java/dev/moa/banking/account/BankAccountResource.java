package dev.moa.banking.account;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The calling member's linked bank accounts. A retried link of the same account is answered 409
 * bank-account-already-linked (the account itself is the natural idempotency key; linking moves no money).
 */
@Path("/bank-accounts")
@Tag(name = "bank accounts")
@RolesAllowed(Roles.MEMBER)
public class BankAccountResource {

    private final BankAccountService accounts;
    private final CurrentMember member;

    public BankAccountResource(BankAccountService accounts, CurrentMember member) {
        this.accounts = accounts;
        this.member = member;
    }

    @POST
    @Operation(summary = "Link a bank account held in your own name, verified with the bank")
    @APIResponse(responseCode = "201", description = "Linked; the account number is masked but for its last four digits")
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "409", description = "bank-account-already-linked")
    @APIResponse(responseCode = "422", description = "holder-name-not-member, holder-name-mismatch, bank-account-unknown, "
            + "bank-account-closed or bank-account-limit")
    @APIResponse(responseCode = "503", description = "bank-unavailable or member-profile-pending (see Retry-After)")
    public Uni<Response> link(@Valid @NotNull LinkRequest request) {
        return accounts.link(member.id(), request).map(linked -> Response
                .created(URI.create("/bank-accounts/" + linked.id())).entity(linked).build());
    }

    @GET
    @Operation(summary = "Your linked bank accounts, oldest first")
    public Uni<List<BankAccountView>> mine() {
        return accounts.mine(member.id());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your linked bank accounts")
    @APIResponse(responseCode = "404", description = "No such linked account of yours")
    public Uni<BankAccountView> one(@PathParam("id") UUID id) {
        return accounts.one(member.id(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unlink one of your bank accounts; no new firm-banking transfer can use it")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "404", description = "No such linked account of yours")
    public Uni<Response> unlink(@PathParam("id") UUID id) {
        return accounts.unlink(member.id(), id).replaceWith(Response.noContent().build());
    }
}
