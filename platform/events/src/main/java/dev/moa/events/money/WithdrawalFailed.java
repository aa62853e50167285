package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A withdrawal failed at the bank; its hold was voided, so the money is available in the wallet again.
 * {@code reason} and {@code detail} as in {@link TopUpFailed}.
 */
public record WithdrawalFailed(UUID withdrawalId, UUID memberId, UUID bankAccountId, long amount, String reason,
                               String detail, Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.WithdrawalFailed";
    }

    @Override
    public String subject() {
        return withdrawalId.toString();
    }
}
