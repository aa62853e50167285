package dev.moa.events.money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hold was captured: {@code capturedAmount} moved from the hold's account to {@code creditAccountId} as the
 * transfer {@code transferId}, and {@code releasedAmount} (the rest of the hold) is available again. The linked
 * transfers were posted with it. Each transfer is also announced by its own TransferPosted.
 */
public record HoldCaptured(UUID holdId, UUID transferId, UUID accountId, UUID ownerId, long capturedAmount,
                           long releasedAmount, UUID creditAccountId, UUID creditOwnerId,
                           List<UUID> linkedTransferIds, UUID commandId, Instant occurredAt) implements HoldEvent {

    public HoldCaptured {
        linkedTransferIds = linkedTransferIds == null ? List.of() : List.copyOf(linkedTransferIds);
    }

    @Override
    public String eventType() {
        return "dev.moa.money.HoldCaptured";
    }
}
