package dev.moa.membership.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One login's chain of refresh tokens; revoking it ends that session everywhere. */
@Entity
@Table(name = "token_families")
public class TokenFamily extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_reason")
    public String revokedReason;

    public boolean revoked() {
        return revokedAt != null;
    }

    public void revoke(String reason, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedReason = reason;
        }
    }

    /** Revokes every live family of a member, except {@code keep} (may be null). */
    public static Uni<Integer> revokeAllOf(UUID memberId, UUID keep, String reason) {
        return update("revokedAt = ?1, revokedReason = ?2 where memberId = ?3 and revokedAt is null and id <> ?4",
                Instant.now(), reason, memberId, keep == null ? new UUID(0, 0) : keep);
    }
}
