package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The bank paid a withdrawal out to the member's bank account and money captured its hold: {@code transferId} is the
 * WITHDRAWAL transfer from the wallet to bank clearing. The subject is the withdrawal id.
 */
public record WithdrawalCompleted(UUID withdrawalId, UUID memberId, UUID walletAccountId, UUID bankAccountId,
                                  long amount, UUID transferId, Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.WithdrawalCompleted";
    }

    @Override
    public String subject() {
        return withdrawalId.toString();
    }
}
