package dev.moa.membership.group;

import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GroupMembershipRepository implements PanacheRepositoryBase<GroupMembership, UUID> {

    /** The membership of {@code memberId} in {@code groupId}; {@code null} when the member is not in the group. */
    Uni<GroupMembership> findMembership(UUID groupId, UUID memberId) {
        return find("groupId = ?1 and memberId = ?2", groupId, memberId).firstResult();
    }

    Uni<List<GroupMembership>> listMembers(UUID groupId) {
        return list("groupId = ?1", Sort.by("joinedAt").and("memberId"), groupId);
    }

    /** The member's memberships, oldest first, at most {@code limit}. */
    Uni<List<GroupMembership>> listOfMember(UUID memberId, int limit) {
        return find("memberId = ?1", Sort.by("joinedAt").and("groupId"), memberId).range(0, limit - 1).list();
    }

    Uni<Long> countMembers(UUID groupId) {
        return count("groupId = ?1", groupId);
    }

    Uni<Long> countGroupsOf(UUID memberId) {
        return count("memberId = ?1", memberId);
    }
}
