package dev.moa.events.money;

import java.time.Instant;
import java.util.UUID;

/**
 * A CaptureHold was refused and no money moved. {@code reason}: UNKNOWN_HOLD, VOIDED, EXPIRED, CAPTURED (by another
 * transfer), EXCEEDS_HOLD, UNKNOWN_ACCOUNT, SAME_ACCOUNT, CURRENCY_MISMATCH, AMOUNT_OVERFLOW, TRANSFER_ID_USED,
 * LINKED_TRANSFER_FAILED or INVALID; {@code detail} says more for people.
 */
public record HoldCaptureFailed(UUID holdId, UUID transferId, String reason, String detail, UUID commandId,
                                Instant occurredAt) implements HoldEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.HoldCaptureFailed";
    }
}
