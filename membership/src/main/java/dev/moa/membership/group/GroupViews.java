package dev.moa.membership.group;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The response bodies of the group endpoints. */
public final class GroupViews {

    private GroupViews() {
    }

    /** One of the caller's groups, in {@code GET /groups}. */
    public record GroupSummary(UUID id, String name, String description, GroupRole myRole, Instant createdAt) {

        static GroupSummary of(MemberGroup group, GroupMembership mine) {
            return new GroupSummary(group.id, group.name, group.description, mine.role, group.createdAt);
        }
    }

    /** A group with its members, for its members only. */
    public record GroupDetail(UUID id, String name, String description, UUID ownerId, Instant createdAt,
                              List<Member> members) {

        static GroupDetail of(MemberGroup group, List<GroupMembership> memberships) {
            return new GroupDetail(group.id, group.name, group.description, group.ownerId, group.createdAt,
                    memberships.stream().map(Member::of).toList());
        }
    }

    public record Member(UUID memberId, GroupRole role, Instant joinedAt) {

        static Member of(GroupMembership membership) {
            return new Member(membership.memberId, membership.role, membership.joinedAt);
        }
    }

    /** A new invite: the only time its code is shown. */
    public record CreatedInvite(UUID inviteId, String code, Instant expiresAt) {
    }

    /** An active invite as listed to the owner and treasurers: without its code, which is not kept. */
    public record Invite(UUID inviteId, UUID createdBy, Instant createdAt, Instant expiresAt) {

        static Invite of(GroupInvite invite) {
            return new Invite(invite.id, invite.createdBy, invite.createdAt, invite.expiresAt);
        }
    }

    /**
     * The answer to a personal invitation: the same whether or not the address was a member's to invite (so it
     * tells nothing about who has an account). The id is there either way, to revoke the invitation.
     */
    public record InvitationSent(UUID invitationId, Instant expiresAt) {
    }
}
