package dev.moa.membership.group;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One member in one group, with the member's role there. */
@Entity
@Table(name = "group_membership")
public class GroupMembership extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public GroupRole role;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    static GroupMembership of(UUID groupId, UUID memberId, GroupRole role, Instant now) {
        GroupMembership membership = new GroupMembership();
        membership.id = UUID.randomUUID();
        membership.groupId = groupId;
        membership.memberId = memberId;
        membership.role = role;
        membership.joinedAt = now;
        return membership;
    }
}
