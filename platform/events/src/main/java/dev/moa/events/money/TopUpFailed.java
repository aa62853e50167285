package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A top-up failed at the bank and nothing was credited. {@code reason} is banking's (DECLINED,
 * INSUFFICIENT_BANK_FUNDS, ACCOUNT_CLOSED, ACCOUNT_NOT_LINKED, INVALID); {@code detail} says it for people.
 */
public record TopUpFailed(UUID topUpId, UUID memberId, UUID bankAccountId, long amount, String reason, String detail,
                          Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.TopUpFailed";
    }

    @Override
    public String subject() {
        return topUpId.toString();
    }
}
