package dev.moa.money.bank;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.problem.ProblemException;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** The refusals of top-ups and withdrawals as problem+json. */
final class BankSagaProblems {

    /** How long a member whose sagas are all in flight is asked to wait. */
    private static final long RETRY_AFTER_SECONDS = 30;

    private BankSagaProblems() {
    }

    static ProblemException aboveLimit(String what, long max) {
        return ProblemException.unprocessable("amount-above-limit", "A " + what + " is at most " + max + " won");
    }

    static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", "You have no " + what + " with that id");
    }

    /** The member already has {@code max} sagas of this kind waiting for the bank. */
    static Uni<Void> requireRoom(Uni<Long> inFlight, int max, String what) {
        return inFlight.invoke(count -> {
            if (count >= max) {
                throw ProblemException.tooManyRequests("At most " + max + " " + what + "s may wait for the bank at "
                        + "once; try again when one has finished", RETRY_AFTER_SECONDS);
            }
        }).replaceWithVoid();
    }

    /**
     * The saga a retry with an old {@code Idempotency-Key} names (its record may have been cleaned up): the same
     * request gets it back, another one is refused as {@link IdempotentRequests} refuses it.
     */
    static <S extends BankSaga> S sameRequest(S saga, UUID bankAccountId, long amount) {
        if (!saga.bankAccountId.equals(bankAccountId) || saga.amount != amount) {
            throw ProblemException.unprocessable("idempotency-key-reused", "This " + IdempotentRequests.HEADER
                    + " was already used for a different request");
        }
        return saga;
    }
}
