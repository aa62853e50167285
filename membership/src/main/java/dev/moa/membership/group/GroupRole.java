package dev.moa.membership.group;

/**
 * A member's role in a group, with what each may do. There is exactly one {@link #OWNER}; the owner appoints and
 * dismisses {@link #TREASURER}s, removes members and hands ownership on. Owner and treasurers manage invites.
 */
public enum GroupRole {
    OWNER,
    TREASURER,
    MEMBER;

    public boolean managesInvites() {
        return this == OWNER || this == TREASURER;
    }

    public boolean managesMembers() {
        return this == OWNER;
    }
}
