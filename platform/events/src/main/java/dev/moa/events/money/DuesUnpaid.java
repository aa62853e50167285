package dev.moa.events.money;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's dues for {@code period} could not be collected (the wallet's available balance was too low). Emitted on
 * the first failed attempt only; money retries daily and emits {@link DuesCollected} once it succeeds.
 */
public record DuesUnpaid(UUID groupId, UUID memberId, String period, long amount, Instant occurredAt)
        implements DuesEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.DuesUnpaid";
    }
}
