package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A transfer was posted to the ledger: {@code amount} (minor units of {@code currency}) moved from the debit account
 * to the credit account. The owners (a member or a group id; absent for system accounts) let consumers tell people
 * without asking money. The subject is the transfer id.
 */
public record TransferPosted(UUID transferId, UUID debitAccountId, UUID debitOwnerId, UUID creditAccountId,
                             UUID creditOwnerId, long amount, String currency, String kind, String reference,
                             String memo, Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.TransferPosted";
    }

    @Override
    public String subject() {
        return transferId.toString();
    }
}
