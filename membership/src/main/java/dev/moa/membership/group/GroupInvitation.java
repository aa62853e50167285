package dev.moa.membership.group;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal invitation into a group, for one member ({@code inviteeId}); usable once, by that member only, until it
 * expires or is revoked. A row without an invitee records a request whose address was nobody's to invite (see
 * {@link GroupInvitationService#invite}).
 */
@Entity
@Table(name = "group_invitation")
public class GroupInvitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(name = "invitee_id")
    public UUID inviteeId;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    static GroupInvitation of(UUID groupId, UUID inviteeId, UUID createdBy, Instant now, Instant expiresAt) {
        GroupInvitation invitation = new GroupInvitation();
        invitation.id = UUID.randomUUID();
        invitation.groupId = groupId;
        invitation.inviteeId = inviteeId;
        invitation.createdBy = createdBy;
        invitation.createdAt = now;
        invitation.expiresAt = expiresAt;
        return invitation;
    }

    boolean openAt(Instant now) {
        return revokedAt == null && acceptedAt == null && expiresAt.isAfter(now);
    }
}
