package dev.moa.membership.group;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.membership.GroupInviteSent;
import dev.moa.membership.group.GroupViews.GroupDetail;
import dev.moa.membership.group.GroupViews.InvitationSent;
import dev.moa.membership.member.Member;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.UUID;

/**
 * Personal invitations: the owner or a treasurer invites a member by e-mail address; that member accepts and joins
 * without a code. The events name the invitee by id only, so notifications mails them at the address it keeps for
 * them, never at the address typed here: this is no mail relay.
 */
@ApplicationScoped
public class GroupInvitationService {

    private static final String OPEN = "groupId = ?1 and revokedAt is null and acceptedAt is null and expiresAt > ?2";

    private final GroupAccess access;
    private final GroupLocks locks;
    private final GroupLimits limits;
    private final MemberGroupRepository groups;
    private final GroupMembershipRepository memberships;
    private final GroupInviteService inviteService;
    private final Outbox outbox;

    public GroupInvitationService(GroupAccess access, GroupLocks locks, GroupLimits limits,
                                  MemberGroupRepository groups, GroupMembershipRepository memberships,
                                  GroupInviteService inviteService, Outbox outbox) {
        this.access = access;
        this.locks = locks;
        this.limits = limits;
        this.groups = groups;
        this.memberships = memberships;
        this.inviteService = inviteService;
        this.outbox = outbox;
    }

    /**
     * Invites the member whose e-mail address is {@code email} (owner or treasurer only), within the group's limit of
     * open invitations. When the address is a member's who is not in the group and has no open invitation to it, the
     * invitation is theirs and GroupInviteSent tells them. Otherwise nobody is invited, but the request is counted
     * and answered alike: <strong>the answer never reveals whether the address belongs to a member</strong> (or to
     * one already in the group), so that this endpoint cannot be used to find out who has an account.
     */
    @WithTransaction
    public Uni<InvitationSent> invite(UUID groupId, UUID callerId, String email) {
        Instant now = GroupAccess.now();
        Instant expiresAt = now.plus(limits.inviteLifetime());
        return access.lock(groupId, callerId, GroupRole::managesInvites, "manage invites")
                .call(() -> GroupInvitation.count(OPEN, groupId, now).invoke(open -> {
                    if (open >= limits.activeInvitesPerGroup()) {
                        throw GroupProblems.tooManyInvites(limits.activeInvitesPerGroup());
                    }
                }))
                .chain(granted -> Member.findByEmail(email)
                        .chain(invitee -> inviteeOf(groupId, callerId, invitee, now))
                        .chain(inviteeId -> {
                            GroupInvitation invitation = GroupInvitation.of(groupId, inviteeId, callerId, now,
                                    expiresAt);
                            Uni<Void> persisted = invitation.persist().replaceWithVoid();
                            return (inviteeId == null ? persisted
                                    : persisted.chain(() -> announce(granted.group(), invitation, now)))
                                    .replaceWith(new InvitationSent(invitation.id, expiresAt));
                        }));
    }

    /**
     * Accepts an open invitation of the caller's and joins its group as a MEMBER, within the group's and the
     * caller's limits. Someone else's invitation, or one that does not exist, is a 404; a used, revoked or expired
     * one a 410.
     */
    @WithTransaction
    public Uni<GroupDetail> accept(UUID groupId, UUID invitationId, UUID callerId) {
        Instant now = GroupAccess.now();
        // Lock order as for codes: the invitation row, then the member, then the group.
        return GroupInvitation.<GroupInvitation>find("id = ?1 and groupId = ?2", invitationId, groupId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .invoke(invitation -> {
                    if (invitation == null || !callerId.equals(invitation.inviteeId)) {
                        throw invitationNotFound();
                    }
                    if (!invitation.openAt(now)) {
                        throw new ProblemException(410, "invitation-closed", "Invitation closed",
                                "This invitation was used, revoked or has expired");
                    }
                    invitation.acceptedAt = now;
                })
                .chain(invitation -> locks.lockMember(callerId))
                .chain(() -> groups.lock(groupId))
                .onItem().ifNull().failWith(GroupProblems::groupNotFound)
                .chain(group -> inviteService.admit(group, callerId, now));
    }

    /** Revokes an invitation of the group (owner or treasurer); revoking a closed one changes nothing. */
    @WithTransaction
    public Uni<Void> revoke(UUID groupId, UUID invitationId, UUID callerId) {
        return access.invitesManager(groupId, callerId)
                .<GroupInvitation>chain(() -> GroupInvitation.<GroupInvitation>find("id = ?1 and groupId = ?2",
                        invitationId, groupId).firstResult())
                .onItem().ifNull().failWith(GroupInvitationService::invitationNotFound)
                .invoke(invitation -> {
                    if (invitation.revokedAt == null && invitation.acceptedAt == null) {
                        invitation.revokedAt = GroupAccess.now();
                    }
                })
                .replaceWithVoid();
    }

    /** The member to invite, or null: nobody's address, the caller's own, someone in the group or already invited. */
    private Uni<UUID> inviteeOf(UUID groupId, UUID callerId, Member invitee, Instant now) {
        if (invitee == null || invitee.id.equals(callerId)) {
            return Uni.createFrom().nullItem();
        }
        return memberships.findMembership(groupId, invitee.id)
                .chain(membership -> membership != null ? Uni.createFrom().item(1L)
                        : GroupInvitation.count(OPEN + " and inviteeId = ?3", groupId, now, invitee.id))
                .map(taken -> taken > 0 ? null : invitee.id);
    }

    private Uni<Void> announce(MemberGroup group, GroupInvitation invitation, Instant now) {
        return Member.<Member>findById(invitation.createdBy)
                .chain(inviter -> outbox.append(Topics.MEMBERSHIP_EVENTS, new GroupInviteSent(group.id, group.name,
                        invitation.createdBy, inviter == null ? null : inviter.name, invitation.inviteeId,
                        invitation.id, invitation.expiresAt, now)))
                .replaceWithVoid();
    }

    private static ProblemException invitationNotFound() {
        return ProblemException.notFound("The invitation");
    }
}
