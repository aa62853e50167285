package dev.moa.events.money;

import java.time.Instant;
import java.util.UUID;

/**
 * A PlaceHold was refused and nothing was reserved. {@code reason}: INSUFFICIENT_FUNDS, UNKNOWN_ACCOUNT,
 * HOLD_ID_USED (the hold id exists with other terms) or INVALID (see {@code detail}). {@code accountId} is absent when
 * no account was found.
 */
public record HoldRejected(UUID holdId, UUID accountId, UUID ownerId, long amount, String reason, String detail,
                           UUID commandId, Instant occurredAt) implements HoldEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.HoldRejected";
    }
}
