package dev.moa.chassis.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Optional;

/**
 * Turns a bearer token into the request's identity, verifying each distinct token once rather than on every request.
 * <p>
 * RS256 verification (an RSA operation and two JSON parses) was the largest single cost of a bid or a remittance. A
 * member's app sends the same access token with every request until it expires, so the verified result is kept,
 * keyed by the exact token text: a changed byte is a different key and is verified afresh, so nothing unverified is
 * ever served from here. An entry lives until the token's {@code exp} or {@link TokenCacheConfig#cacheMaxAge()},
 * whichever comes first (the latter bounds how long a token outlives the withdrawal of its signing key), and the
 * cache is bounded in entries and token length.
 * <p>
 * It runs before smallrye-jwt's own provider (higher priority) and answers for every JWT credential, so that one is
 * not reached for them. A cache hit is answered on the event loop. A miss is verified on the event loop when the key
 * is a local file, and on a worker thread when it comes from a JWKS URL (fetching the key set may block), as
 * smallrye-jwt does.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    private final JWTParser parser;
    private final boolean verifyOnWorker;
    private final int maxTokenLength;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokens(JWTParser parser, TokenCacheConfig config,
                          @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
                          @ConfigProperty(name = "quarkus.smallrye-jwt.blocking-authentication")
                          Optional<Boolean> blockingAuthentication) {
        this.parser = parser;
        this.verifyOnWorker = blockingAuthentication.orElseGet(
                () -> keyLocation.map(location -> location.startsWith("http")).orElse(false));
        this.maxTokenLength = config.cacheMaxTokenLength();
        Duration maxAge = config.cacheMaxAge();
        this.verified = config.cacheSize() <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> freshFor(jwt, maxAge)))
                .build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of smallrye-jwt's provider (priority 1001 in Quarkus 3.34): providers run from the highest down. */
    @Override
    public int priority() {
        return 5000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof JsonWebTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        JsonWebToken known = cached(token);
        if (verifyOnWorker && known == null) {
            return context.runBlocking(() -> identity(verify(token), request));
        }
        // An emitter, as smallrye-jwt's provider has it. With a Uni of a known item instead, a cache hit broke the
        // first Redis pattern subscription that an SSE request made (WatchingTest: its confirmation found no handler
        // waiting); the cause inside Quarkus or Vert.x was not found.
        return Uni.createFrom().emitter(emitter -> {
            try {
                emitter.complete(identity(known != null ? known : verify(token), request));
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        });
    }

    /** The verified token kept for exactly this text, or null. */
    JsonWebToken cached(String token) {
        if (verified == null) {
            return null;
        }
        JsonWebToken known = verified.getIfPresent(token);
        // The cache expires entries at exp, but only approximately; never hand out one that has run out.
        return known != null && known.getExpirationTime() > System.currentTimeMillis() / 1000 ? known : null;
    }

    private JsonWebToken verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new AuthenticationFailedException(e);
        }
        if (verified != null && token.length() <= maxTokenLength) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** The identity smallrye-jwt's own provider would build for this token. */
    private static SecurityIdentity identity(JsonWebToken jwt, TokenAuthenticationRequest request) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredential(request.getToken())
                .addRoles(jwt.getGroups())
                .addAttribute(SecurityIdentity.USER_ATTRIBUTE, jwt);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            builder.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        return builder.build();
    }

    private static Duration freshFor(JsonWebToken jwt, Duration maxAge) {
        Duration untilExpiry = Duration.ofSeconds(jwt.getExpirationTime() - System.currentTimeMillis() / 1000);
        if (untilExpiry.isNegative()) {
            return Duration.ZERO; // accepted within the verifier's clock skew: used once, not kept
        }
        return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }
}
