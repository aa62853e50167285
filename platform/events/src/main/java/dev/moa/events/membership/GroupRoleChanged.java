package dev.moa.events.membership;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's role in a group changed: the owner appointed or dismissed a treasurer, or ownership moved (one event for
 * the new owner, one for the former owner, in the same transaction).
 *
 * @param groupId    the group, also the subject
 * @param memberId   the member whose role changed
 * @param role       the new role: {@code OWNER}, {@code TREASURER} or {@code MEMBER}
 * @param occurredAt when it changed
 */
public record GroupRoleChanged(UUID groupId, UUID memberId, String role, Instant occurredAt) implements MoaEvent {

    public static final String TYPE = "dev.moa.membership.GroupRoleChanged";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return groupId.toString();
    }
}
