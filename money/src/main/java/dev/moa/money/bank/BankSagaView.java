package dev.moa.money.bank;

import java.time.Instant;
import java.util.UUID;

/**
 * A top-up or withdrawal as its member sees it.
 *
 * @param transferId the ledger transfer, once COMPLETED
 * @param reason     why it FAILED (banking's reason: DECLINED, INSUFFICIENT_BANK_FUNDS, ACCOUNT_CLOSED,
 *                   ACCOUNT_NOT_LINKED, INVALID) or NEEDS_REVIEW
 */
public record BankSagaView(UUID id, BankSagaStatus status, long amount, UUID bankAccountId, UUID walletAccountId,
                           UUID transferId, String reason, String detail, Instant requestedAt, Instant finishedAt) {

    /** The saga as {@code memberId} sees it: none, or anyone else's, is a 404 naming {@code what}. */
    static BankSagaView ofOwn(BankSaga saga, UUID memberId, String what) {
        if (saga == null || !saga.memberId.equals(memberId)) {
            throw BankSagaProblems.notFound(what);
        }
        return of(saga);
    }

    static BankSagaView of(BankSaga saga) {
        return new BankSagaView(saga.id, saga.status, saga.amount, saga.bankAccountId, saga.walletAccountId,
                saga.transferId, saga.reason, saga.detail, saga.requestedAt, saga.finishedAt);
    }
}
