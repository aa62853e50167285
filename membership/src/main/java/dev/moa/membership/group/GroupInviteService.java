package dev.moa.membership.group;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.membership.GroupMemberJoined;
import dev.moa.membership.group.GroupViews.CreatedInvite;
import dev.moa.membership.group.GroupViews.GroupDetail;
import dev.moa.membership.group.GroupViews.Invite;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Invites into a group, and joining with one. */
@ApplicationScoped
public class GroupInviteService {

    private final GroupInviteRepository invites;
    private final GroupMembershipRepository memberships;
    private final MemberGroupRepository groups;
    private final GroupAccess access;
    private final GroupLocks locks;
    private final GroupLimits limits;
    private final GroupService groupService;
    private final Outbox outbox;

    public GroupInviteService(GroupInviteRepository invites, GroupMembershipRepository memberships,
                              MemberGroupRepository groups, GroupAccess access, GroupLocks locks, GroupLimits limits,
                              GroupService groupService, Outbox outbox) {
        this.invites = invites;
        this.memberships = memberships;
        this.groups = groups;
        this.access = access;
        this.locks = locks;
        this.limits = limits;
        this.groupService = groupService;
        this.outbox = outbox;
    }

    /** A new invite by the owner or a treasurer, within the active-invites limit. The code is returned only here. */
    @WithTransaction
    public Uni<CreatedInvite> create(UUID groupId, UUID callerId) {
        Instant now = GroupAccess.now();
        String code = InviteCodes.newCode();
        GroupInvite invite = GroupInvite.of(groupId, InviteCodes.hash(code), callerId, now,
                now.plus(limits.inviteLifetime()));
        return access.lock(groupId, callerId, GroupRole::managesInvites, "manage invites")
                .chain(() -> invites.countActive(groupId, now))
                .invoke(active -> {
                    if (active >= limits.activeInvitesPerGroup()) {
                        throw GroupProblems.tooManyInvites(limits.activeInvitesPerGroup());
                    }
                })
                .chain(() -> invites.persist(invite))
                .replaceWith(() -> new CreatedInvite(invite.id, code, invite.expiresAt));
    }

    @WithSession
    public Uni<List<Invite>> active(UUID groupId, UUID callerId) {
        return access.invitesManager(groupId, callerId)
                .chain(() -> invites.listActive(groupId, GroupAccess.now(), limits.activeInvitesPerGroup()))
                .map(active -> active.stream().map(Invite::of).toList());
    }

    /** Revokes an invite of the group; revoking one that is already revoked or expired changes nothing. */
    @WithTransaction
    public Uni<Void> revoke(UUID groupId, UUID inviteId, UUID callerId) {
        return access.invitesManager(groupId, callerId)
                .chain(() -> invites.findInGroup(groupId, inviteId))
                .onItem().ifNull().failWith(GroupProblems::inviteNotFound)
                .invoke(invite -> {
                    if (invite.revokedAt == null) {
                        invite.revokedAt = GroupAccess.now();
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Joins the group of an active invite as a {@link GroupRole#MEMBER}, within both the members-per-group and the
     * caller's groups-per-member limit.
     */
    @WithTransaction
    public Uni<GroupDetail> join(UUID callerId, String code) {
        Instant now = GroupAccess.now();
        return invites.findActiveForUse(InviteCodes.hash(code), now)
                .onItem().ifNull().failWith(GroupProblems::inviteInvalid)
                .chain(invite -> locks.lockMember(callerId)
                        .chain(() -> groups.lock(invite.groupId))
                        .onItem().ifNull().failWith(GroupProblems::inviteInvalid)
                        .chain(group -> admit(group, callerId, now)));
    }

    /**
     * Admits {@code memberId} into {@code group} (locked by the caller, as is the member) as a MEMBER, within the
     * limits; also used by {@link GroupInvitationService#accept}.
     */
    Uni<GroupDetail> admit(MemberGroup group, UUID memberId, Instant now) {
        GroupMembership joined = GroupMembership.of(group.id, memberId, GroupRole.MEMBER, now);
        return memberships.findMembership(group.id, memberId)
                .invoke(existing -> {
                    if (existing != null) {
                        throw GroupProblems.alreadyMember();
                    }
                })
                .chain(() -> memberships.countMembers(group.id))
                .invoke(count -> {
                    if (count >= limits.membersPerGroup()) {
                        throw GroupProblems.groupFull(limits.membersPerGroup());
                    }
                })
                .chain(() -> memberships.countGroupsOf(memberId))
                .invoke(count -> {
                    if (count >= limits.groupsPerMember()) {
                        throw GroupProblems.tooManyGroups(limits.groupsPerMember());
                    }
                })
                .chain(() -> memberships.persist(joined))
                .chain(() -> outbox.append(Topics.MEMBERSHIP_EVENTS,
                        new GroupMemberJoined(group.id, memberId, GroupRole.MEMBER.name(), now)))
                .chain(() -> groupService.detailOf(group.id));
    }
}
