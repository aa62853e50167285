package dev.moa.banking.firmbanking;

import dev.moa.banking.bank.BankApi.TransferRequest;
import dev.moa.events.banking.FirmbankingDirection;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code firmbanking_requests}, as the sender and the reconciliation job read it. */
record FirmbankingRequest(UUID commandId, UUID memberId, UUID bankAccountId, FirmbankingDirection direction,
                          long amount, String bankCode, String accountNumber, FirmbankingState state,
                          boolean maybeDelivered, int sends, int checks, Instant createdAt, Instant lastSentAt,
                          Instant reviewSince) {

    static FirmbankingRequest of(Row row) {
        String direction = row.getString("direction");
        return new FirmbankingRequest(row.getUUID("command_id"), row.getUUID("member_id"),
                row.getUUID("bank_account_id"), direction == null ? null : FirmbankingDirection.valueOf(direction),
                row.getLong("amount"), row.getString("bank_code"), row.getString("account_number"),
                FirmbankingState.valueOf(row.getString("state")), row.getBoolean("maybe_delivered"),
                row.getInteger("sends"), row.getInteger("checks"), instant(row, "created_at"),
                instant(row, "last_sent_at"), instant(row, "review_since"));
    }

    /** What banking asks the bank: the command id is the request id, so any repeat is the same transfer. */
    TransferRequest transferRequest() {
        return new TransferRequest(commandId.toString(), direction, bankCode, accountNumber, amount);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    @Override
    public String toString() {
        // Never the account number in a log line.
        return "FirmbankingRequest[" + commandId + ", " + state + ", " + direction + " " + amount + ", sends " + sends
                + ", checks " + checks + "]";
    }
}
