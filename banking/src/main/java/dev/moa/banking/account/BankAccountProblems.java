package dev.moa.banking.account;

import dev.moa.chassis.problem.ProblemException;

import java.util.Map;

/** The ways linking a bank account is refused, each with its stable problem type. */
final class BankAccountProblems {

    private BankAccountProblems() {
    }

    static ProblemException notYourName() {
        return ProblemException.unprocessable("holder-name-not-member",
                "The holder name must be your own name as registered with Moa");
    }

    static ProblemException heldBySomeoneElse() {
        return ProblemException.unprocessable("holder-name-mismatch",
                "The bank says this account is not held under that name");
    }

    static ProblemException unknownAccount() {
        return ProblemException.unprocessable("bank-account-unknown", "The bank does not know this account");
    }

    static ProblemException closedAccount() {
        return ProblemException.unprocessable("bank-account-closed", "The bank says this account is closed");
    }

    static ProblemException limitReached(int max) {
        return ProblemException.unprocessable("bank-account-limit",
                "You have linked " + max + " bank accounts, the most allowed; unlink one first");
    }

    static ProblemException alreadyLinked() {
        return ProblemException.conflict("bank-account-already-linked", "This bank account is already linked");
    }

    static ProblemException bankUnavailable() {
        return new ProblemException(503, "bank-unavailable", "Bank unavailable",
                "The bank did not answer; nothing was linked, try again shortly", Map.of("Retry-After", "5"));
    }

    static ProblemException profilePending() {
        return new ProblemException(503, "member-profile-pending", "Profile not yet available",
                "Banking does not know your profile yet; try again in a few seconds", Map.of("Retry-After", "2"));
    }
}
