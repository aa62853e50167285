package dev.moa.money.bank;

import java.util.UUID;

/**
 * What one answer from banking did to a saga; counted ({@code moa.bank-sagas.outcomes}) and logged once it committed.
 *
 * @param saga "top-up", "withdrawal" or "unknown"
 * @param note for the log: why, in a few words (never an account number)
 */
record SagaStep(String saga, UUID commandId, Result result, String note) {

    enum Result {
        /** The saga is COMPLETED. */
        COMPLETED,
        /** A withdrawal is COMPLETED, but the bank confirmed it after its hold expired (posted from the wallet). */
        COMPLETED_AFTER_HOLD_EXPIRED,
        /** The saga FAILED. */
        FAILED,
        /** The bank moved money the ledger could not follow: an operator must look. */
        NEEDS_REVIEW,
        /** The saga was final already and the answer agrees with it (a redelivery): nothing changed. */
        ALREADY_FINAL,
        /** The saga was final already and the answer contradicts it: nothing changed, an operator should look. */
        CONTRADICTS_FINAL,
        /** No saga has that command id: nothing changed. */
        UNKNOWN_COMMAND,
        /** The answer's direction, amount, member or bank account differ from the saga's: nothing changed. */
        MISMATCH;

        /** Whether an operator should hear of it (a WARN log line). */
        boolean alarming() {
            return this != COMPLETED && this != FAILED && this != ALREADY_FINAL;
        }
    }
}
