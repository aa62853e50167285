package dev.moa.events.banking;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * Money asks banking (on {@code banking.commands}) to move {@code amount} (KRW, minor units) between the member's
 * linked bank account {@code bankAccountId} and Moa's corporate account. {@code commandId} is the idempotency key and
 * the request id banking gives the bank, so a redelivered command or a retried call moves money at most once. Answered
 * on {@code banking.events} by exactly one {@link FirmbankingSucceeded} or {@link FirmbankingFailed} naming the same
 * {@code commandId}; a timeout is never answered by a guess.
 */
public record RequestFirmbanking(UUID commandId, UUID memberId, UUID bankAccountId, FirmbankingDirection direction,
                                 long amount, Instant requestedAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.banking.command.RequestFirmbanking";
    }

    @Override
    public String subject() {
        return commandId.toString();
    }
}
