package dev.moa.membership.auth;

import dev.moa.membership.member.Member;
import dev.moa.membership.member.Passwords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.UUID;

/**
 * Login, refresh-token rotation with reuse detection, and logout.
 *
 * <p>Rotation: the presented refresh token is spent and a new one joins its family. Presenting a spent token again
 * means it was copied: the whole family is revoked (so the thief's newer token dies too) and the answer is 401.
 * Concurrent refreshes with one token are serialized by a row lock; the second one counts as reuse.
 */
@ApplicationScoped
public class AuthService {

    private final Passwords passwords;
    private final Tokens tokens;
    private final LoginThrottle throttle;

    public AuthService(Passwords passwords, Tokens tokens, LoginThrottle throttle) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public Uni<TokenPair> login(String email, String password, String clientAddress) {
        String normalized = Member.normalizeEmail(email);
        return throttle.reserveLogin(normalized, clientAddress)
                .chain(() -> Panache.withSession(() -> Member.findByEmail(normalized)))
                .chain(member -> passwords.matches(password, member == null ? null : member.passwordHash)
                        .chain(matches -> {
                            if (!matches) {
                                return Uni.createFrom().failure(AuthErrors.invalidCredentials());
                            }
                            return throttle.loginSucceeded(normalized, clientAddress)
                                    .chain(() -> startFamily(member.id));
                        }));
    }

    private Uni<TokenPair> startFamily(UUID memberId) {
        Instant now = Instant.now();
        TokenFamily family = new TokenFamily();
        family.id = UUID.randomUUID();
        family.memberId = memberId;
        family.createdAt = now;
        return Panache.withTransaction(() -> family.persist()
                .chain(() -> Member.<Member>findById(memberId))
                .chain(member -> issue(member, family.id, now)));
    }

    /** Rotates; a reused token revokes its family, and that revocation is committed before the 401. */
    public Uni<TokenPair> refresh(String refreshToken) {
        return rotate(refreshToken).map(outcome -> {
            if (outcome.pair() == null) {
                throw AuthErrors.invalidRefreshToken();
            }
            return outcome.pair();
        });
    }

    private record Rotation(TokenPair pair) {
    }

    private Uni<Rotation> rotate(String refreshToken) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> RefreshToken.<RefreshToken>findById(Tokens.hash(refreshToken),
                        LockModeType.PESSIMISTIC_WRITE)
                .chain(token -> {
                    if (token == null) {
                        return Uni.createFrom().item(new Rotation(null));
                    }
                    return TokenFamily.<TokenFamily>findById(token.familyId, LockModeType.PESSIMISTIC_WRITE)
                            .chain(family -> {
                                if (family.revoked() || token.expiresAt.isBefore(now)) {
                                    return Uni.createFrom().item(new Rotation(null));
                                }
                                if (token.spentAt != null) {
                                    family.revoke("refresh token reused", now);
                                    return Uni.createFrom().item(new Rotation(null));
                                }
                                token.spentAt = now;
                                return Member.<Member>findById(family.memberId)
                                        .chain(member -> issue(member, family.id, now))
                                        .map(Rotation::new);
                            });
                }));
    }

    /** Revokes the family of {@code refreshToken}; unknown tokens are ignored (logging out twice is fine). */
    @WithTransaction
    public Uni<Void> logout(String refreshToken) {
        return RefreshToken.<RefreshToken>findById(Tokens.hash(refreshToken))
                .chain(token -> token == null
                        ? Uni.createFrom().voidItem()
                        : TokenFamily.<TokenFamily>findById(token.familyId, LockModeType.PESSIMISTIC_WRITE)
                        .invoke(family -> family.revoke("logout", Instant.now()))
                        .replaceWithVoid());
    }

    @WithTransaction
    public Uni<Void> logoutAll(UUID memberId) {
        return TokenFamily.revokeAllOf(memberId, null, "logout everywhere").replaceWithVoid();
    }

    private Uni<TokenPair> issue(Member member, UUID familyId, Instant now) {
        String refresh = Tokens.newRefreshToken();
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = Tokens.hash(refresh);
        stored.familyId = familyId;
        stored.issuedAt = now;
        stored.expiresAt = now.plus(tokens.config().refreshTtl());
        return stored.persist()
                .chain(() -> tokens.accessToken(member, familyId))
                .map(access -> new TokenPair(access, refresh, tokens.config().accessTtl().toSeconds(), "Bearer",
                        tokens.config().refreshTtl().toSeconds()));
    }
}
