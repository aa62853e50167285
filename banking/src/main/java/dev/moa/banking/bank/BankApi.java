package dev.moa.banking.bank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.moa.events.banking.FirmbankingDirection;

/**
 * The external bank's API as banking speaks it (JSON). {@code requestId} is the bank's idempotency key: the same id
 * again gets the first result and never a second movement. {@code direction} IN moves money from the customer's account
 * to Moa's corporate account, OUT the other way.
 */
public final class BankApi {

    private BankApi() {
    }

    /** What the bank says of an account and a holder name. */
    public enum Verification {
        MATCH,
        NAME_MISMATCH,
        UNKNOWN_ACCOUNT,
        CLOSED
    }

    /** How a transfer ended at the bank; only SUCCEEDED moved money. */
    public enum Outcome {
        SUCCEEDED,
        DECLINED,
        INSUFFICIENT_FUNDS,
        ACCOUNT_CLOSED,
        UNKNOWN_ACCOUNT
    }

    public record VerifyRequest(String bankCode, String accountNumber, String holderName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VerifyAnswer(Verification result) {
    }

    public record TransferRequest(String requestId, FirmbankingDirection direction, String bankCode,
                                  String accountNumber, long amount) {
    }

    /** A transfer as the bank recorded it; {@code bankTransactionId} only when it succeeded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TransferResult(String requestId, Outcome outcome, String bankTransactionId,
                                 FirmbankingDirection direction, String bankCode, String accountNumber, long amount) {

        /** Whether this is the transfer {@code request} asked for (and not another one under the same id). */
        public boolean matches(TransferRequest request) {
            return request.requestId().equals(requestId) && request.direction() == direction
                    && request.bankCode().equals(bankCode) && request.accountNumber().equals(accountNumber)
                    && request.amount() == amount;
        }
    }

    /** {@code lookup} is FOUND (with the transfer) or NOT_FOUND. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TransferLookup(String requestId, String lookup, TransferResult transfer) {

        public boolean found() {
            return "FOUND".equals(lookup) && transfer != null;
        }

        public boolean notFound() {
            return "NOT_FOUND".equals(lookup);
        }
    }
}
