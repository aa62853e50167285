package dev.moa.events.banking;

import java.time.Instant;
import java.util.UUID;

/**
 * The bank executed the firm-banking transfer of {@code commandId}: {@code bankTransactionId} is the bank's id of it.
 * {@code reconciled} is true when the outcome was learnt by asking the bank after a timeout or outage.
 */
public record FirmbankingSucceeded(UUID commandId, UUID memberId, UUID bankAccountId, FirmbankingDirection direction,
                                   long amount, String bankTransactionId, boolean reconciled, Instant occurredAt)
        implements FirmbankingOutcome {

    @Override
    public String eventType() {
        return "dev.moa.banking.FirmbankingSucceeded";
    }
}
