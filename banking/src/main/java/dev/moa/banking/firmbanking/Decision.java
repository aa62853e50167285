package dev.moa.banking.firmbanking;

/** What banking concluded from one call to the bank about a request. */
sealed interface Decision {

    /**
     * The transfer's outcome is known: it succeeded ({@code reason} null) or it failed and moved nothing.
     *
     * @param reconciled   learnt by the reconciliation job rather than from the first call's answer
     * @param sendsSeen    for a conclusion drawn from silence (never executed): only valid if no send came since;
     *                     null when the bank's own answer decided
     */
    record Decided(String reason, String detail, String bankTransactionId, boolean reconciled, Integer sendsSeen)
            implements Decision {

        static Decided succeeded(String bankTransactionId, boolean reconciled) {
            return new Decided(null, null, bankTransactionId, reconciled, null);
        }

        static Decided failed(String reason, String detail, boolean reconciled) {
            return new Decided(reason, detail, null, reconciled, null);
        }

        boolean succeeded() {
            return reason == null;
        }
    }

    /**
     * Still unknown: ask (or send) again later.
     *
     * @param next      UNKNOWN (the bank may have it) or UNREACHABLE (it provably does not)
     * @param problem   what went wrong, for the log and the row (never an account number)
     * @param sendsSeen the request's sends when the call started; a later send makes this stale
     * @param byJob     the reconciliation job's check (counts toward the review limit and backs off)
     * @param flagNow   needs a person at once (the bank holds another transfer under this request id)
     */
    record Undecided(FirmbankingState next, String problem, int sendsSeen, boolean byJob, boolean flagNow)
            implements Decision {
    }
}
