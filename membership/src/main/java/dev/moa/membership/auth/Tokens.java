package dev.moa.membership.auth;

import dev.moa.membership.member.Member;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Mints access tokens (RS256 JWT: {@code sub} member id, {@code upn} e-mail, {@code groups} roles, {@code sid} the
 * token family, {@code kid} in the header) and opaque refresh tokens (256 random bits, stored only as SHA-256).
 */
@ApplicationScoped
public class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final TokenConfig config;
    private final String issuer;

    public Tokens(Vertx vertx, TokenConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.vertx = vertx;
        this.config = config;
        this.issuer = issuer;
    }

    /** Signs on a worker thread: RSA signing and the first read of the key file stay off the event loop. */
    public Uni<String> accessToken(Member member, UUID familyId) {
        Instant now = Instant.now();
        return vertx.executeBlocking(Uni.createFrom().item(() -> Jwt.issuer(issuer)
                .audience("moa")
                .subject(member.id.toString())
                .upn(member.email)
                .groups(member.roles())
                .claim("sid", familyId.toString())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTtl()))
                .jws()
                .keyId(config.keyId())
                .sign()), false);
    }

    public static String newRefreshToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static String hash(String refreshToken) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public TokenConfig config() {
        return config;
    }
}
