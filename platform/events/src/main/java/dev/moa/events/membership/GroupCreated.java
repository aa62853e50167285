package dev.moa.events.membership;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A member created a group (모임) and became its owner. Followed in the same transaction by a
 * {@link GroupMemberJoined} with role {@code OWNER} for the creator. Money opens the group's wallet from it.
 *
 * @param groupId    the group, also the subject
 * @param name       the group's display name (not a secret)
 * @param ownerId    the creating member
 * @param occurredAt when the group was created
 */
public record GroupCreated(UUID groupId, String name, UUID ownerId, Instant occurredAt) implements MoaEvent {

    public static final String TYPE = "dev.moa.membership.GroupCreated";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return groupId.toString();
    }
}
