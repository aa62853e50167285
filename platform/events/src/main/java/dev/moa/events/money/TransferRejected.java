package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A Transfer command was refused and nothing was posted (its linked transfers neither). {@code reason}:
 * INSUFFICIENT_FUNDS, UNKNOWN_ACCOUNT, SAME_ACCOUNT, CURRENCY_MISMATCH, AMOUNT_OVERFLOW, TRANSFER_ID_REUSED,
 * LINKED_TRANSFER_FAILED or INVALID. Subject: the command id, which is the refused transfer's id.
 */
public record TransferRejected(UUID commandId, String reason, String detail, Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.TransferRejected";
    }

    @Override
    public String subject() {
        return commandId.toString();
    }
}
