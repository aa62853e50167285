package dev.moa.events.membership;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A group's owner or treasurer invited a member in person: {@code inviteeId} may join the group by accepting invite
 * {@code inviteId} until {@code expiresAt}, without a code. Never carries an invite code or the e-mail address the
 * inviter typed (the invitee is named by id only; notifications mails them at the address it keeps for them).
 *
 * @param groupId     the group, also the subject
 * @param groupName   the group's name when the invitation was sent
 * @param inviterId   who invited
 * @param inviterName the inviter's name when the invitation was sent
 * @param inviteeId   the member invited
 * @param inviteId    the invitation, to accept with {@code POST /groups/{groupId}/invitations/{inviteId}/accept}
 * @param expiresAt   when the invitation lapses
 * @param occurredAt  when it was sent
 */
public record GroupInviteSent(UUID groupId, String groupName, UUID inviterId, String inviterName, UUID inviteeId,
                              UUID inviteId, Instant expiresAt, Instant occurredAt) implements MoaEvent {

    public static final String TYPE = "dev.moa.membership.GroupInviteSent";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return groupId.toString();
    }
}
