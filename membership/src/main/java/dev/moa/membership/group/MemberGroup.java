package dev.moa.membership.group;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A group (모임). Its row is also the lock that serializes every change of the group's membership (joins against the
 * member limit, removals, role changes, ownership transfer, new invites against the invite limit).
 */
@Entity
@Table(name = "member_group")
public class MemberGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 80)
    public String name;

    @Column(nullable = false, length = 500)
    public String description;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static MemberGroup create(String name, String description, UUID ownerId, Instant now) {
        MemberGroup group = new MemberGroup();
        group.id = UUID.randomUUID();
        group.name = name;
        group.description = description;
        group.ownerId = ownerId;
        group.createdAt = now;
        return group;
    }
}
