package dev.moa.banksim;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The simulator's JSON shapes: what its bank API and admin API take and answer. */
public final class BankModel {

    private BankModel() {
    }

    /** Which way a transfer moves money: {@code IN} customer → corporate account, {@code OUT} the other way. */
    public enum Direction {
        IN,
        OUT
    }

    /** How a transfer ended at the bank. Only {@code SUCCEEDED} moved money. */
    public enum Outcome {
        SUCCEEDED,
        DECLINED,
        INSUFFICIENT_FUNDS,
        ACCOUNT_CLOSED,
        UNKNOWN_ACCOUNT
    }

    /** The answer of an account verification. */
    public enum Verification {
        MATCH,
        NAME_MISMATCH,
        UNKNOWN_ACCOUNT,
        CLOSED
    }

    public enum AccountStatus {
        OPEN,
        CLOSED
    }

    /** {@code POST /api/accounts/verify}. */
    public record VerifyRequest(String bankCode, String accountNumber, String holderName) {
    }

    public record VerifyAnswer(Verification result) {
    }

    /**
     * {@code POST /api/transfers}: {@code requestId} is the caller's idempotency key (1–64 of {@code A-Z a-z 0-9 - _}),
     * {@code bankCode} and {@code accountNumber} name the customer's account, the other side is Moa's corporate account.
     */
    public record TransferRequest(String requestId, Direction direction, String bankCode, String accountNumber,
                                  Long amount) {
    }

    /** A transfer as the bank recorded it; {@code bankTransactionId} only when it succeeded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferResult(String requestId, Outcome outcome, String bankTransactionId, Direction direction,
                                 String bankCode, String accountNumber, long amount, String executedAt) {

        boolean sameTerms(TransferRequest request) {
            return direction == request.direction() && bankCode.equals(request.bankCode())
                    && accountNumber.equals(request.accountNumber()) && amount == request.amount();
        }
    }

    /** {@code GET /api/transfers/{requestId}}: {@code lookup} FOUND with the transfer, or NOT_FOUND. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferLookup(String requestId, String lookup, TransferResult transfer) {

        public static TransferLookup found(TransferResult transfer) {
            return new TransferLookup(transfer.requestId(), "FOUND", transfer);
        }

        public static TransferLookup notFound(String requestId) {
            return new TransferLookup(requestId, "NOT_FOUND", null);
        }
    }

    /** An error answer: {@code error} is a stable code, {@code detail} says it for people. */
    public record ErrorAnswer(String error, String detail) {
    }

    /** {@code POST /sim/accounts}; {@code balance} defaults to 0. */
    public record NewAccount(String holderName, Long balance) {
    }

    /** An account as the admin API shows it, with the request ids of its transfers (oldest first). */
    public record AccountView(String bankCode, String accountNumber, String holderName, long balance,
                              AccountStatus status, List<String> transfers) {
    }
}
