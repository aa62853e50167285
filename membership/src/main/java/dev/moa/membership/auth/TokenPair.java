package dev.moa.membership.auth;

/** What login and refresh answer. {@code expiresIn} is the access token's lifetime in seconds. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType,
                        long refreshExpiresIn) {
}
