package dev.moa.events.banking;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/** A member removed a linked bank account: no new firm-banking transfer uses it. The subject is the bank account id. */
public record BankAccountUnlinked(UUID bankAccountId, UUID memberId, Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.banking.BankAccountUnlinked";
    }

    @Override
    public String subject() {
        return bankAccountId.toString();
    }
}
