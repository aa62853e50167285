package dev.moa.membership.auth;

import dev.moa.chassis.problem.ProblemException;

/** The problems of authentication; one answer for every bad credential, so nothing is enumerated. */
final class AuthErrors {

    private AuthErrors() {
    }

    static ProblemException invalidCredentials() {
        return new ProblemException(401, "invalid-credentials", "Invalid credentials",
                "The e-mail or the password is wrong");
    }

    static ProblemException invalidRefreshToken() {
        return new ProblemException(401, "invalid-refresh-token", "Invalid refresh token",
                "The refresh token is unknown, expired, spent or revoked; log in again");
    }
}
