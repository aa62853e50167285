package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The bank confirmed a top-up and money credited it: {@code transferId} is the TOP_UP transfer from bank clearing to
 * the member's wallet. The subject is the top-up id.
 */
public record TopUpCompleted(UUID topUpId, UUID memberId, UUID walletAccountId, UUID bankAccountId, long amount,
                             UUID transferId, Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.TopUpCompleted";
    }

    @Override
    public String subject() {
        return topUpId.toString();
    }
}
