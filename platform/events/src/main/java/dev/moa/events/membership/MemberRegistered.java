package dev.moa.events.membership;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A member signed up (or the configured first admin was created). Money opens a wallet; notifications keeps the
 * recipient's e-mail, name and locale. Never a password or its hash.
 */
public record MemberRegistered(UUID memberId, String email, String name, String region, String locale,
                               Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.membership.MemberRegistered";
    }

    @Override
    public String subject() {
        return memberId.toString();
    }
}
