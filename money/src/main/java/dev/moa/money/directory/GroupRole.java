package dev.moa.money.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Money's copy of who belongs to a group and in which role, kept from membership's events. */
@Entity
@Table(name = "group_roles")
public class GroupRole extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    public String role;

    public static Uni<GroupRole> of(UUID groupId, UUID memberId) {
        return findById(new Key(groupId, memberId));
    }

    public boolean canPayOut() {
        return "OWNER".equals(role) || "TREASURER".equals(role);
    }

    /** The same people who pay out set the group's dues. */
    public boolean canManageDues() {
        return canPayOut();
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "group_id")
        public UUID groupId;

        @Column(name = "member_id")
        public UUID memberId;

        public Key() {
        }

        public Key(UUID groupId, UUID memberId) {
            this.groupId = groupId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && groupId.equals(that.groupId) && memberId.equals(that.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, memberId);
        }
    }
}
