package dev.moa.membership.seller;

import dev.moa.chassis.problem.Text;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** A member applies to sell. */
@Path("/sellers/applications")
@Tag(name = "sellers")
@RolesAllowed(Roles.MEMBER)
public class SellerResource {

    private final SellerService sellers;
    private final CurrentMember member;

    public SellerResource(SellerService sellers, CurrentMember member) {
        this.sellers = sellers;
        this.member = member;
    }

    public record Apply(@NotBlank @Size(max = 120)
                        @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
                        String businessName) {
    }

    @POST
    public Uni<Response> apply(@Valid @NotNull Apply apply) {
        return sellers.apply(member.id(), apply.businessName()).map(application -> Response
                .created(URI.create("/sellers/applications/me")).entity(application).build());
    }

    @GET
    @Path("/me")
    public Uni<SellerApplicationView> mine() {
        return sellers.latest(member.id());
    }
}
