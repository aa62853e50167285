package dev.moa.events.membership;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A member is no longer in a group.
 *
 * @param groupId    the group, also the subject
 * @param memberId   the member who is gone
 * @param reason     {@link #LEFT} (the member left) or {@link #REMOVED} (the owner removed them)
 * @param occurredAt when it happened
 */
public record GroupMemberLeft(UUID groupId, UUID memberId, String reason, Instant occurredAt) implements MoaEvent {

    public static final String TYPE = "dev.moa.membership.GroupMemberLeft";
    public static final String LEFT = "LEFT";
    public static final String REMOVED = "REMOVED";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return groupId.toString();
    }
}
