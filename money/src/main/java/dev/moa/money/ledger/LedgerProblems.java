package dev.moa.money.ledger;

import dev.moa.chassis.problem.ProblemException;

/** The ledger's refusals as problem+json. */
public final class LedgerProblems {

    private LedgerProblems() {
    }

    public static ProblemException walletNotOpen() {
        return new ProblemException(404, "wallet-not-open", "No wallet yet",
                "Your wallet opens moments after sign-up; try again shortly");
    }

    public static ProblemException insufficientFunds() {
        return ProblemException.unprocessable("insufficient-funds", "The wallet's available balance is too low");
    }

    public static ProblemException overflow() {
        return ProblemException.unprocessable("amount-overflow", "The amount would overflow an account's balance");
    }

    public static ProblemException sameAccount() {
        return ProblemException.unprocessable("same-account", "Money cannot move from an account to itself");
    }

    public static ProblemException duplicateTransferWithOtherTerms() {
        return ProblemException.conflict("transfer-id-reused", "This transfer id was already used for another transfer");
    }

    public static ProblemException currencyMismatch() {
        return ProblemException.unprocessable("currency-mismatch", "Money moves only between accounts of one currency");
    }
}
