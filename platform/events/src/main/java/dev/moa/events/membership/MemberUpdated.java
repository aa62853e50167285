package dev.moa.events.membership;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/** A member's profile or e-mail changed; the record carries the state after the change. */
public record MemberUpdated(UUID memberId, String email, String name, String region, String locale,
                            Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.membership.MemberUpdated";
    }

    @Override
    public String subject() {
        return memberId.toString();
    }
}
