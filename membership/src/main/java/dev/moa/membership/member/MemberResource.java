package dev.moa.membership.member;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Sign-up and the calling member's own account. The member is always the token's subject. */
@Path("/members")
@Tag(name = "members")
public class MemberResource {

    private final MemberService members;
    private final CurrentMember member;
    private final JsonWebToken token;

    public MemberResource(MemberService members, CurrentMember member, JsonWebToken token) {
        this.members = members;
        this.member = member;
        this.token = token;
    }

    @POST
    @PermitAll
    @Operation(summary = "Sign up")
    public Uni<Response> signUp(@Valid @NotNull MemberRequests.SignUp request) {
        return members.signUp(request).map(created ->
                Response.created(URI.create("/members/" + created.id())).entity(created).build());
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.MEMBER)
    public Uni<MemberView> me() {
        return members.find(member.id());
    }

    @PATCH
    @Path("/me")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Change name, region, phone or locale")
    public Uni<MemberView> update(@Valid @NotNull MemberRequests.ProfilePatch patch) {
        return members.update(member.id(), patch);
    }

    @PUT
    @Path("/me/password")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Change the password; every other session is logged out")
    public Uni<Response> changePassword(@Valid @NotNull MemberRequests.PasswordChange change) {
        return members.changePassword(member.id(), sessionId(), change)
                .replaceWith(Response.noContent().build());
    }

    @PUT
    @Path("/me/email")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Change the e-mail (the password is required)")
    public Uni<MemberView> changeEmail(@Valid @NotNull MemberRequests.EmailChange change) {
        return members.changeEmail(member.id(), change);
    }

    private UUID sessionId() {
        Object sid = token.getClaim("sid");
        try {
            return sid == null ? null : UUID.fromString(sid.toString().replace("\"", ""));
        } catch (IllegalArgumentException notASession) {
            return null;
        }
    }
}
