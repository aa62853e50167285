package dev.moa.events.money;

import java.time.Instant;
import java.util.UUID;

/**
 * A hold reserves {@code amount} in the account of {@code ownerId} until {@code expiresAt}. {@code commandId} names
 * the PlaceHold this answers (absent when money placed it on its own). Subject: the hold id.
 */
public record HoldPlaced(UUID holdId, UUID accountId, UUID ownerId, long amount, Instant expiresAt, String reference,
                         UUID commandId, Instant occurredAt) implements HoldEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.HoldPlaced";
    }
}
