package dev.moa.events.money;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's dues for {@code period} were collected: {@code amount} (KRW) moved from the member's wallet to the group's
 * wallet as the DUES transfer {@code transferId}. Emitted once per member, group and period.
 */
public record DuesCollected(UUID groupId, UUID memberId, String period, long amount, UUID transferId,
                            Instant occurredAt) implements DuesEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.DuesCollected";
    }
}
