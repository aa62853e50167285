package dev.moa.money.bank;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a top-up and of a withdrawal, and the only transitions between them.
 *
 * <ul>
 *   <li>REQUESTED: money asked banking to move the amount (RequestFirmbanking); a withdrawal's amount is held.</li>
 *   <li>COMPLETED: the bank moved the money and so did the ledger (TOP_UP credited, or WITHDRAWAL captured).</li>
 *   <li>FAILED: the bank did not move the money; neither did the ledger (a withdrawal's hold is released).</li>
 *   <li>NEEDS_REVIEW: the bank moved the money but the ledger could not follow (a withdrawal confirmed after its hold
 *       expired and the wallet was spent meanwhile, or the ledger refused the posting); an operator settles it.</li>
 * </ul>
 *
 * Every state but REQUESTED is final: a later answer from banking changes nothing. The database refuses any other
 * change as well (trigger {@code moa_bank_saga_transition}).
 */
public enum BankSagaStatus {
    REQUESTED, COMPLETED, FAILED, NEEDS_REVIEW;

    /** The states this one may become. */
    public Set<BankSagaStatus> next() {
        return this == REQUESTED ? EnumSet.of(COMPLETED, FAILED, NEEDS_REVIEW) : EnumSet.noneOf(BankSagaStatus.class);
    }

    public boolean canBecome(BankSagaStatus status) {
        return next().contains(status);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
