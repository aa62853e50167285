package dev.moa.events.money;

import java.time.Instant;
import java.util.UUID;

/** A VoidHold was refused: {@code reason} UNKNOWN_HOLD or CAPTURED (the money has moved already). */
public record HoldVoidFailed(UUID holdId, String reason, UUID commandId, Instant occurredAt) implements HoldEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.HoldVoidFailed";
    }
}
