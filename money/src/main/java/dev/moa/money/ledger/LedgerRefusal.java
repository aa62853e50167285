package dev.moa.money.ledger;

import dev.moa.chassis.problem.ProblemException;

import java.util.Locale;

/**
 * The ledger refused an operation and changed nothing. {@link #reason()} is the stable code that answer events carry
 * (INSUFFICIENT_FUNDS, UNKNOWN_HOLD, ...); over HTTP it is a problem whose slug is the same code in kebab case.
 */
public final class LedgerRefusal extends ProblemException {

    private final String reason;

    public LedgerRefusal(int status, String reason, String detail) {
        super(status, reason.toLowerCase(Locale.ROOT).replace('_', '-'), "Refused", detail);
        this.reason = reason;
    }

    public static LedgerRefusal invalid(String detail) {
        return new LedgerRefusal(400, "INVALID", detail);
    }

    public static LedgerRefusal unprocessable(String reason, String detail) {
        return new LedgerRefusal(422, reason, detail);
    }

    public static LedgerRefusal conflict(String reason, String detail) {
        return new LedgerRefusal(409, reason, detail);
    }

    public String reason() {
        return reason;
    }

    /**
     * The answer code for any refusal the ledger raises: a {@code LedgerRefusal}'s reason, a linked transfer's
     * LINKED_TRANSFER_FAILED, INVALID for bad input, otherwise the problem slug in upper snake case
     * (insufficient-funds becomes INSUFFICIENT_FUNDS).
     */
    public static String reasonOf(ProblemException problem) {
        if (problem instanceof LedgerRefusal refusal) {
            return refusal.reason;
        }
        if (problem instanceof LinkedTransferFailed) {
            return "LINKED_TRANSFER_FAILED";
        }
        if (problem.status() == 400) {
            return "INVALID";
        }
        if (problem.status() == 404) {
            return "UNKNOWN_ACCOUNT";
        }
        return problem.slug().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
