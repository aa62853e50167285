package dev.moa.events.banking;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A member linked a bank account that the bank verified in their name. Only the last four digits of the account
 * number leave banking ({@code accountNumberLast4}); the subject is the bank account id.
 */
public record BankAccountLinked(UUID bankAccountId, UUID memberId, String bankCode, String accountNumberLast4,
                                Instant occurredAt) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.banking.BankAccountLinked";
    }

    @Override
    public String subject() {
        return bankAccountId.toString();
    }
}
