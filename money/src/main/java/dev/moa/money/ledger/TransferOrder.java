package dev.moa.money.ledger;

import java.util.UUID;

/**
 * What a caller asks the ledger to post.
 *
 * @param id          the transfer's id and idempotency key: posting the same order twice posts it once
 * @param initiatedBy the member who asked, or {@code null} for the system
 */
public record TransferOrder(UUID id, UUID debitAccountId, UUID creditAccountId, long amount, TransferKind kind,
                            String reference, String memo, UUID initiatedBy) {

    /** The largest single transfer: a trillion won. Anything larger is a mistake or an attack. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    public TransferOrder {
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("amount must be between 1 and " + MAX_AMOUNT + ", was " + amount);
        }
    }
}
