package dev.moa.money.bank;

import dev.moa.events.banking.FirmbankingDirection;
import dev.moa.events.banking.FirmbankingFailed;
import dev.moa.events.banking.FirmbankingSucceeded;

import java.util.UUID;

/**
 * Banking's answer to one RequestFirmbanking, either kind: {@code succeeded} with the bank's transaction id, or not,
 * with banking's reason and detail.
 */
record BankAnswer(UUID commandId, UUID memberId, UUID bankAccountId, FirmbankingDirection direction, long amount,
                  boolean succeeded, String bankTransactionId, String reason, String detail, boolean reconciled) {

    BankAnswer {
        // Without these an answer can be matched to nothing: it is not an answer (to the dead-letter topic).
        if (commandId == null || memberId == null || bankAccountId == null || direction == null) {
            throw new IllegalArgumentException("a firm-banking outcome needs commandId, memberId, bankAccountId "
                    + "and direction");
        }
    }

    static BankAnswer of(FirmbankingSucceeded event) {
        return new BankAnswer(event.commandId(), event.memberId(), event.bankAccountId(), event.direction(),
                event.amount(), true, event.bankTransactionId(), null, null, event.reconciled());
    }

    static BankAnswer of(FirmbankingFailed event) {
        return new BankAnswer(event.commandId(), event.memberId(), event.bankAccountId(), event.direction(),
                event.amount(), false, null, event.reason() == null ? "UNKNOWN" : event.reason(), event.detail(),
                event.reconciled());
    }
}
