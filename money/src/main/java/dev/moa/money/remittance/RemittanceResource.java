package dev.moa.money.remittance;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Member-to-member and member-to-group remittances, idempotent by {@code Idempotency-Key}. */
@Path("/remittances")
@Tag(name = "remittances")
@RolesAllowed(Roles.MEMBER)
public class RemittanceResource {

    private final RemittanceService remittances;
    private final CurrentMember member;

    public RemittanceResource(RemittanceService remittances, CurrentMember member) {
        this.remittances = remittances;
        this.member = member;
    }

    @POST
    @Operation(summary = "Send money from your wallet to a member (by id or e-mail) or a group")
    public Uni<Response> remit(@HeaderParam(IdempotentRequests.HEADER) String key,
                               @Valid @NotNull RemittanceService.Remittance remittance) {
        return remittances.remit(member.id(), key, remittance);
    }
}
