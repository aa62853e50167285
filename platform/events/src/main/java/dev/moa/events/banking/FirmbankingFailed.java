package dev.moa.events.banking;

import java.time.Instant;
import java.util.UUID;

/**
 * The firm-banking transfer of {@code commandId} did not happen and will not: no money moved at the bank.
 * {@code reason}: DECLINED, INSUFFICIENT_BANK_FUNDS, ACCOUNT_CLOSED, ACCOUNT_NOT_LINKED (the bank account is not the
 * member's linked account) or INVALID; {@code detail} says it for people. {@code reconciled} as in
 * {@link FirmbankingSucceeded}.
 */
public record FirmbankingFailed(UUID commandId, UUID memberId, UUID bankAccountId, FirmbankingDirection direction,
                                long amount, String reason, String detail, boolean reconciled, Instant occurredAt)
        implements FirmbankingOutcome {

    @Override
    public String eventType() {
        return "dev.moa.banking.FirmbankingFailed";
    }
}
