package dev.moa.membership.group;

import dev.moa.chassis.problem.ProblemException;

/**
 * The problems of the group endpoints, each with a stable slug. A group that does not exist and a group the caller is
 * not in give the same 404, so that group ids cannot be probed.
 */
final class GroupProblems {

    private GroupProblems() {
    }

    static ProblemException groupNotFound() {
        return ProblemException.notFound("The group");
    }

    static ProblemException memberNotFound() {
        return ProblemException.notFound("The member in this group");
    }

    static ProblemException inviteNotFound() {
        return ProblemException.notFound("The invite");
    }

    /** Unknown, expired and revoked codes alike: the answer tells nothing about which. */
    static ProblemException inviteInvalid() {
        return new ProblemException(404, "invite-invalid", "Invalid invite",
                "This invite code is unknown, expired or revoked");
    }

    static ProblemException roleRequired(String what) {
        return new ProblemException(403, "group-role-required", "Forbidden",
                "Your role in this group does not allow you to " + what);
    }

    static ProblemException alreadyMember() {
        return ProblemException.conflict("already-member", "You are already a member of this group");
    }

    static ProblemException groupFull(int limit) {
        return ProblemException.conflict("group-full", "This group already has its maximum of " + limit + " members");
    }

    static ProblemException tooManyGroups(int limit) {
        return ProblemException.conflict("group-limit-reached",
                "You are already in the maximum of " + limit + " groups");
    }

    static ProblemException tooManyInvites(int limit) {
        return ProblemException.conflict("invite-limit-reached",
                "This group already has its maximum of " + limit + " active invites; revoke one first");
    }

    static ProblemException ownerCannotLeave() {
        return ProblemException.conflict("owner-cannot-leave",
                "The owner cannot leave the group; transfer the ownership first");
    }

    static ProblemException ownRoleUnchangeable() {
        return ProblemException.unprocessable("own-role", "The owner's role changes only by transferring ownership");
    }

    static ProblemException alreadyOwner() {
        return ProblemException.unprocessable("already-owner", "You already own this group");
    }

    static ProblemException transferTargetNotMember() {
        return ProblemException.unprocessable("not-a-group-member",
                "Ownership can only be transferred to a member of the group");
    }
}
