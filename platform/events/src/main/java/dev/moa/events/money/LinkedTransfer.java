package dev.moa.events.money;

import java.util.UUID;

/**
 * A transfer that is posted together with a capture or a transfer command, all or none (for example the fee to
 * FEES_REVENUE beside the seller's proceeds). {@code transferId} is its idempotency key; {@code kind} is a ledger
 * transfer kind (PAYMENT, SETTLEMENT, FEE, ...).
 */
public record LinkedTransfer(UUID transferId, AccountRef debit, AccountRef credit, long amount, String kind,
                             String reference, String memo) {
}
