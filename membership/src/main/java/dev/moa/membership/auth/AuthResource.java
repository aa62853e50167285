package dev.moa.membership.auth;

import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login, token refresh and logout. Token answers are never cached. */
@Path("/auth")
@Tag(name = "auth")
public class AuthResource {

    private final AuthService auth;
    private final CurrentMember member;

    public AuthResource(AuthService auth, CurrentMember member) {
        this.auth = auth;
        this.member = member;
    }

    public record Login(@NotBlank @Size(max = 254)
                        @Pattern(regexp = "^[^\\p{Cc}\\p{Cf}]*$", message = "must be printable text") String email,
                        @NotNull @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "Login[" + email + "]";
        }
    }

    public record Refresh(@NotBlank @Size(max = 128) String refreshToken) {

        @Override
        public String toString() {
            return "Refresh[***]";
        }
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Log in: an access token (15 minutes) and a refresh token (14 days, rotated on use)")
    public Uni<Response> login(@Valid @NotNull Login login, @Context HttpServerRequest request) {
        return auth.login(login.email(), login.password(), clientAddress(request)).map(AuthResource::noStore);
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(summary = "Spend a refresh token for a new pair; reusing a spent one revokes its whole family")
    public Uni<Response> refresh(@Valid @NotNull Refresh refresh) {
        return auth.refresh(refresh.refreshToken()).map(AuthResource::noStore);
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(summary = "Revoke the session (token family) of this refresh token")
    public Uni<Response> logout(@Valid @NotNull Refresh refresh) {
        return auth.logout(refresh.refreshToken()).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/logout-all")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Revoke every session of the calling member")
    public Uni<Response> logoutAll() {
        return auth.logoutAll(member.id()).replaceWith(Response.noContent().build());
    }

    private static Response noStore(TokenPair pair) {
        return Response.ok(pair).header("Cache-Control", "no-store").build();
    }

    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
