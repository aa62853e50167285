package dev.moa.events.membership;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A member became a member of a group: its creator (role {@code OWNER}) or someone who joined with an invite code
 * (role {@code MEMBER}). The invite code itself is a secret and never part of the event.
 *
 * @param groupId    the group, also the subject
 * @param memberId   the member who joined
 * @param role       {@code OWNER}, {@code TREASURER} or {@code MEMBER}; a string so that a role added later does not
 *                   break older consumers
 * @param occurredAt when the member joined
 */
public record GroupMemberJoined(UUID groupId, UUID memberId, String role, Instant occurredAt) implements MoaEvent {

    public static final String TYPE = "dev.moa.membership.GroupMemberJoined";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return groupId.toString();
    }
}
