package dev.moa.membership.group;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.membership.GroupMemberLeft;
import dev.moa.events.membership.GroupRoleChanged;
import dev.moa.membership.group.GroupViews.GroupDetail;
import dev.moa.membership.group.GroupViews.Member;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Changes of who is in a group and with which role. Each one locks the group first ({@link GroupAccess#lock}), so
 * that changes of one group never interleave.
 */
@ApplicationScoped
public class GroupMemberService {

    private final GroupMembershipRepository memberships;
    private final GroupAccess access;
    private final GroupService groupService;
    private final Outbox outbox;

    public GroupMemberService(GroupMembershipRepository memberships, GroupAccess access, GroupService groupService,
                              Outbox outbox) {
        this.memberships = memberships;
        this.access = access;
        this.groupService = groupService;
        this.outbox = outbox;
    }

    /** The owner appoints a treasurer or makes one a plain member again; setting the current role changes nothing. */
    @WithTransaction
    public Uni<Member> changeRole(UUID groupId, UUID memberId, GroupRole role, UUID callerId) {
        if (role == GroupRole.OWNER) {
            throw new IllegalArgumentException("ownership moves only by transfer");
        }
        return access.lock(groupId, callerId, GroupRole::managesMembers, "change roles")
                .invoke(() -> {
                    if (memberId.equals(callerId)) {
                        throw GroupProblems.ownRoleUnchangeable();
                    }
                })
                .chain(() -> memberships.findMembership(groupId, memberId))
                .onItem().ifNull().failWith(GroupProblems::memberNotFound)
                .chain(target -> {
                    if (target.role == role) {
                        return Uni.createFrom().item(Member.of(target));
                    }
                    target.role = role;
                    return outbox.append(Topics.MEMBERSHIP_EVENTS,
                                    new GroupRoleChanged(groupId, memberId, role.name(), GroupAccess.now()))
                            .replaceWith(() -> Member.of(target));
                });
    }

    /**
     * The owner hands the group to another member, who becomes {@link GroupRole#OWNER}; the former owner becomes a
     * plain {@link GroupRole#MEMBER} (least privilege: the new owner may appoint them treasurer).
     */
    @WithTransaction
    public Uni<GroupDetail> transferOwnership(UUID groupId, UUID newOwnerId, UUID callerId) {
        Instant now = GroupAccess.now();
        return access.lock(groupId, callerId, GroupRole::managesMembers, "transfer ownership")
                .invoke(() -> {
                    if (newOwnerId.equals(callerId)) {
                        throw GroupProblems.alreadyOwner();
                    }
                })
                .chain(current -> memberships.findMembership(groupId, newOwnerId)
                        .onItem().ifNull().failWith(GroupProblems::transferTargetNotMember)
                        .chain(next -> {
                            current.caller().role = GroupRole.MEMBER;
                            // the former owner's row first: the database allows one owner per group at any moment
                            return memberships.flush().invoke(() -> {
                                next.role = GroupRole.OWNER;
                                current.group().ownerId = newOwnerId;
                            });
                        }))
                .chain(() -> outbox.append(Topics.MEMBERSHIP_EVENTS,
                        new GroupRoleChanged(groupId, callerId, GroupRole.MEMBER.name(), now)))
                .chain(() -> outbox.append(Topics.MEMBERSHIP_EVENTS,
                        new GroupRoleChanged(groupId, newOwnerId, GroupRole.OWNER.name(), now)))
                .chain(() -> groupService.detailOf(groupId));
    }

    /** The owner removes another member. */
    @WithTransaction
    public Uni<Void> remove(UUID groupId, UUID memberId, UUID callerId) {
        return access.lock(groupId, callerId, GroupRole::managesMembers, "remove members")
                .invoke(() -> {
                    if (memberId.equals(callerId)) {
                        throw GroupProblems.ownerCannotLeave();
                    }
                })
                .chain(() -> memberships.findMembership(groupId, memberId))
                .onItem().ifNull().failWith(GroupProblems::memberNotFound)
                .chain(target -> end(target, GroupMemberLeft.REMOVED));
    }

    /** The caller leaves; the owner cannot while owning. */
    @WithTransaction
    public Uni<Void> leave(UUID groupId, UUID callerId) {
        return access.lock(groupId, callerId, role -> true, "leave")
                .invoke(mine -> {
                    if (mine.caller().role == GroupRole.OWNER) {
                        throw GroupProblems.ownerCannotLeave();
                    }
                })
                .chain(mine -> end(mine.caller(), GroupMemberLeft.LEFT));
    }

    private Uni<Void> end(GroupMembership membership, String reason) {
        return memberships.delete(membership)
                .chain(() -> outbox.append(Topics.MEMBERSHIP_EVENTS,
                        new GroupMemberLeft(membership.groupId, membership.memberId, reason, GroupAccess.now())))
                .replaceWithVoid();
    }
}
