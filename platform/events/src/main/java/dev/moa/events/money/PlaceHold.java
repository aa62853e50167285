package dev.moa.events.money;

import java.time.Instant;
import java.util.UUID;

/**
 * Asks money to reserve {@code amount} in the wallet of {@code ownerId} ({@code ownerKind} MEMBER or GROUP) until
 * {@code expiresAt}. {@code holdId} is the hold's idempotency key. Answered by {@link HoldPlaced} or
 * {@link HoldRejected}.
 */
public record PlaceHold(UUID commandId, UUID holdId, String ownerKind, UUID ownerId, long amount, Instant expiresAt,
                        String reference) implements MoneyCommand {

    @Override
    public String eventType() {
        return "dev.moa.money.command.PlaceHold";
    }

    @Override
    public String subject() {
        return holdId.toString();
    }
}
