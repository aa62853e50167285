package dev.moa.events.money;

import java.time.Instant;
import java.util.UUID;

/**
 * A hold was released entirely: {@code amount} is available again. {@code reason} VOIDED (by a VoidHold) or EXPIRED
 * (its expiry passed). {@code commandId} names the VoidHold this answers; absent when the expiry job released it.
 * A VoidHold of a hold that had already expired is answered with reason EXPIRED and its command id.
 */
public record HoldVoided(UUID holdId, UUID accountId, UUID ownerId, long amount, String reason, UUID commandId,
                         Instant occurredAt) implements HoldEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.HoldVoided";
    }
}
