package dev.moa.membership.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Token issuing ({@code moa.token.*}); the signing key itself is {@code smallrye.jwt.sign.key.location}. */
@ConfigMapping(prefix = "moa.token")
public interface TokenConfig {

    /** The {@code kid} of the signing key, in every token's header and in the JWKS. */
    String keyId();

    @WithDefault("15m")
    Duration accessTtl();

    @WithDefault("14d")
    Duration refreshTtl();

    /**
     * A JWK set of retired public keys, still published until the tokens they signed have expired (a key rotation:
     * the old key moves here, the new one signs).
     */
    Optional<String> retiredKeysLocation();

    /** The private key that signs (PEM, PKCS#8). */
    @WithName("sign-key-location")
    @WithDefault("${smallrye.jwt.sign.key.location}")
    String signKeyLocation();
}
