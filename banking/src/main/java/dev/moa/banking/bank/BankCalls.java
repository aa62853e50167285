package dev.moa.banking.bank;

import dev.moa.banking.bank.BankApi.TransferResult;

/** What a call to the bank came to, in the terms that decide what banking may conclude. */
public final class BankCalls {

    private BankCalls() {
    }

    /** The outcome of a transfer call. */
    public sealed interface TransferCall permits Answered, NotDelivered, NoAnswer, Rejected {
    }

    /** The bank answered with the transfer as it recorded it (possibly an earlier call's result). */
    public record Answered(TransferResult result) implements TransferCall {
    }

    /** The request never reached the bank (connection refused, no route, connect timeout): nothing happened there. */
    public record NotDelivered(String problem) implements TransferCall {
    }

    /** The request may have reached the bank but no answer came (timeout, connection closed): outcome unknown. */
    public record NoAnswer(String problem) implements TransferCall {
    }

    /**
     * The bank answered with an error status: 400 (it refused the request as invalid and executed nothing), 409 (the
     * request id already names another transfer), or another status (treated as no answer by callers that need one).
     */
    public record Rejected(int status, String problem) implements TransferCall {
    }

    /** The outcome of asking the bank about a request id. */
    public sealed interface LookupCall permits Found, NotFound, LookupFailed {
    }

    public record Found(TransferResult transfer) implements LookupCall {
    }

    /** The bank has no transfer under the request id (yet: a request still in flight may arrive later). */
    public record NotFound() implements LookupCall {
    }

    public record LookupFailed(String problem) implements LookupCall {
    }

    /** The bank could not be asked or did not answer in time; for an HTTP caller a 503. */
    public static final class BankUnavailable extends RuntimeException {
        public BankUnavailable(String problem) {
            super(problem, null, false, false);
        }
    }
}
