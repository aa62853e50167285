package dev.moa.events.money;

import java.util.List;
import java.util.UUID;

/**
 * Asks money to capture {@code amount} (at most the hold's amount) of a pending hold into {@code credit}, as the
 * posted transfer {@code transferId} (kind HOLD_CAPTURE unless {@code kind} says otherwise); the rest of the hold is
 * released. The {@code linked} transfers are posted in the same transaction: if any of them fails, nothing is
 * captured. Answered by {@link HoldCaptured} or {@link HoldCaptureFailed}.
 */
public record CaptureHold(UUID commandId, UUID holdId, UUID transferId, AccountRef credit, long amount, String kind,
                          String reference, String memo, List<LinkedTransfer> linked) implements MoneyCommand {

    public CaptureHold {
        linked = linked == null ? List.of() : List.copyOf(linked);
    }

    @Override
    public String eventType() {
        return "dev.moa.money.command.CaptureHold";
    }

    @Override
    public String subject() {
        return holdId.toString();
    }
}
