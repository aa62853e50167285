package dev.moa.money.bank;

import dev.moa.events.banking.FirmbankingDirection;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a top-up and a withdrawal share: the member, the wallet, the linked bank account, the amount, and the state of
 * the saga ({@link BankSagaStatus}). The id is also the {@code commandId} of the RequestFirmbanking, so banking's
 * answer names the saga. State changes only through {@link #complete}, {@link #fail} and {@link #needsReview}.
 */
@MappedSuperclass
public abstract class BankSaga extends PanacheEntityBase {

    static final int MAX_REASON = 40;
    static final int MAX_DETAIL = 500;
    static final int MAX_BANK_TRANSACTION_ID = 100;

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "wallet_account_id")
    public UUID walletAccountId;

    @Column(name = "bank_account_id")
    public UUID bankAccountId;

    public long amount;

    @Enumerated(EnumType.STRING)
    public BankSagaStatus status;

    /** The ledger transfer of a COMPLETED saga. */
    @Column(name = "transfer_id")
    public UUID transferId;

    @Column(name = "bank_transaction_id")
    public String bankTransactionId;

    /** Why it FAILED (banking's reason) or NEEDS_REVIEW (money's). */
    public String reason;

    public String detail;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Which way the bank moves the money for this saga. */
    public abstract FirmbankingDirection direction();

    /** Fills in a new saga, REQUESTED now. */
    void request(UUID id, UUID memberId, UUID walletAccountId, UUID bankAccountId, long amount) {
        this.id = id;
        this.memberId = memberId;
        this.walletAccountId = walletAccountId;
        this.bankAccountId = bankAccountId;
        this.amount = amount;
        this.status = BankSagaStatus.REQUESTED;
        // Microseconds, as PostgreSQL keeps them: the first answer and a later read show the same instant.
        this.requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    void complete(UUID transferId, String bankTransactionId) {
        moveTo(BankSagaStatus.COMPLETED);
        this.transferId = transferId;
        this.bankTransactionId = clip(bankTransactionId, MAX_BANK_TRANSACTION_ID);
    }

    void fail(String reason, String detail) {
        moveTo(BankSagaStatus.FAILED);
        this.reason = clip(reason, MAX_REASON);
        this.detail = clip(detail, MAX_DETAIL);
    }

    void needsReview(String reason, String detail, String bankTransactionId) {
        moveTo(BankSagaStatus.NEEDS_REVIEW);
        this.reason = clip(reason, MAX_REASON);
        this.detail = clip(detail, MAX_DETAIL);
        this.bankTransactionId = clip(bankTransactionId, MAX_BANK_TRANSACTION_ID);
    }

    /** What of {@code answer} disagrees with this saga's terms (empty when it is an answer to this saga). */
    List<String> disagreements(BankAnswer answer) {
        List<String> differences = new ArrayList<>();
        if (answer.direction() != direction()) {
            differences.add("direction " + answer.direction() + " for a " + direction() + " saga");
        }
        if (answer.amount() != amount) {
            differences.add("amount " + answer.amount() + " for " + amount);
        }
        if (!memberId.equals(answer.memberId())) {
            differences.add("another member");
        }
        if (!bankAccountId.equals(answer.bankAccountId())) {
            differences.add("another bank account");
        }
        return differences;
    }

    private void moveTo(BankSagaStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException(getClass().getSimpleName() + " " + id + ": " + status + " -> " + next
                    + " is not a transition");
        }
        status = next;
        finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
