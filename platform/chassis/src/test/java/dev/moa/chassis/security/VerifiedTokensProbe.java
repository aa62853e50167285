package dev.moa.chassis.security;

import jakarta.enterprise.context.ApplicationScoped;

/** Lets the chassis' tests see whether {@link VerifiedTokens} keeps a token. */
@ApplicationScoped
public class VerifiedTokensProbe {

    private final VerifiedTokens tokens;

    public VerifiedTokensProbe(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    public boolean isCached(String token) {
        return tokens.cached(token) != null;
    }
}
