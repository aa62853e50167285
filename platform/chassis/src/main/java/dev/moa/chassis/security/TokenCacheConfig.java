package dev.moa.chassis.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The cache of verified access tokens ({@code moa.tokens.*}); see {@link VerifiedTokens}. */
@ConfigMapping(prefix = "moa.tokens")
public interface TokenCacheConfig {

    /** Most verified tokens kept at once; 0 verifies every request's token afresh. */
    @WithDefault("10000")
    int cacheSize();

    /**
     * Longest time one verification is reused, however long the token still runs. It bounds how long a token keeps
     * passing after its signing key was withdrawn from the JWKS.
     */
    @WithDefault("60s")
    Duration cacheMaxAge();

    /** A longer token is verified on every request and never kept (bounds the memory the cache may hold). */
    @WithDefault("4096")
    int cacheMaxTokenLength();
}
