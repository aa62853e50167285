package dev.moa.chassis.security;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The member a request acts for, taken only from the verified access token ({@code sub} = member id), never from a
 * path, query or body.
 */
@RequestScoped
public class CurrentMember {

    private final JsonWebToken token;

    public CurrentMember(JsonWebToken token) {
        this.token = token;
    }

    /** The member id; 401 when the request carries no valid token or the subject is not a member id. */
    public UUID id() {
        String subject = token.getSubject();
        if (subject == null) {
            throw new UnauthorizedException();
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException notAMember) {
            throw new UnauthorizedException();
        }
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }
}
