package dev.moa.membership.group;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An invite into a group. Usable by anyone who holds its code, any number of times, until it expires or is revoked;
 * only the SHA-256 hash of the code is kept ({@link InviteCodes}).
 */
@Entity
@Table(name = "group_invite")
public class GroupInvite extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(name = "code_hash", nullable = false, length = 64)
    public String codeHash;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    static GroupInvite of(UUID groupId, String codeHash, UUID createdBy, Instant now, Instant expiresAt) {
        GroupInvite invite = new GroupInvite();
        invite.id = UUID.randomUUID();
        invite.groupId = groupId;
        invite.codeHash = codeHash;
        invite.createdBy = createdBy;
        invite.createdAt = now;
        invite.expiresAt = expiresAt;
        return invite;
    }

    boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
