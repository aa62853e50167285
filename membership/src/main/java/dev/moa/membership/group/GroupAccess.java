package dev.moa.membership.group;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Who may do what in a group. Every group operation starts here: a caller who is not a member gets the same 404 as
 * for a group that does not exist; a member whose role is not enough gets a 403.
 */
@ApplicationScoped
public class GroupAccess {

    /** A group and the caller's membership in it. */
    record Access(MemberGroup group, GroupMembership caller) {
    }

    private final MemberGroupRepository groups;
    private final GroupMembershipRepository memberships;

    public GroupAccess(MemberGroupRepository groups, GroupMembershipRepository memberships) {
        this.groups = groups;
        this.memberships = memberships;
    }

    /** The caller's membership, without locking; 404 when the caller is not in the group (or there is none). */
    Uni<GroupMembership> membership(UUID groupId, UUID callerId) {
        return memberships.findMembership(groupId, callerId)
                .onItem().ifNull().failWith(GroupProblems::groupNotFound);
    }

    /** As {@link #membership}, and 403 unless the caller may manage invites. */
    Uni<GroupMembership> invitesManager(UUID groupId, UUID callerId) {
        return membership(groupId, callerId).invoke(caller -> requireRole(caller.role.managesInvites(),
                "manage invites"));
    }

    /**
     * Locks the group (serializing it against every other membership change) and checks that the caller is in it, and
     * when {@code allowed} is false for the caller's role, fails with 403 naming {@code what}.
     */
    Uni<Access> lock(UUID groupId, UUID callerId, Predicate<GroupRole> allowed, String what) {
        return groups.lock(groupId)
                .onItem().ifNull().failWith(GroupProblems::groupNotFound)
                .chain(group -> membership(groupId, callerId)
                        .invoke(caller -> requireRole(allowed.test(caller.role), what))
                        .map(caller -> new Access(group, caller)));
    }

    /** Now, at the database's precision, so that what is answered equals what is stored. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireRole(boolean allowed, String what) {
        if (!allowed) {
            throw GroupProblems.roleRequired(what);
        }
    }
}
