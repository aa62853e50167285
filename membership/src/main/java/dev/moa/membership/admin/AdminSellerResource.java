package dev.moa.membership.admin;

import dev.moa.chassis.problem.Text;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.membership.seller.SellerApplicationView;
import dev.moa.membership.seller.SellerService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Admins decide applications to sell. */
@Path("/admin/sellers")
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
public class AdminSellerResource {

    private final SellerService sellers;
    private final CurrentMember admin;

    public AdminSellerResource(SellerService sellers, CurrentMember admin) {
        this.sellers = sellers;
        this.admin = admin;
    }

    public record Rejection(@NotBlank @Size(max = 500)
                            @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
                            String reason) {
    }

    @GET
    @Path("/applications")
    public Uni<List<SellerApplicationView>> pending() {
        return sellers.pending();
    }

    @POST
    @Path("/{memberId}/approve")
    public Uni<SellerApplicationView> approve(@PathParam("memberId") UUID memberId) {
        return sellers.approve(memberId, admin.id());
    }

    @POST
    @Path("/{memberId}/reject")
    public Uni<SellerApplicationView> reject(@PathParam("memberId") UUID memberId,
                                             @Valid @NotNull Rejection rejection) {
        return sellers.reject(memberId, admin.id(), rejection.reason());
    }
}
