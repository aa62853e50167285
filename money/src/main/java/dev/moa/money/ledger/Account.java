package dev.moa.money.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A ledger account. Its balances change only through {@code moa_post_transfer} (and holds), never by writing these
 * fields: this entity is for reading and for opening accounts.
 */
@Entity
@Table(name = "accounts")
public class Account extends PanacheEntityBase {

    public enum Kind { MEMBER_WALLET, GROUP_WALLET, SYSTEM }

    public static final String KRW = "KRW";

    /** The system account that mirrors Moa's corporate bank account: top-ups come from it, withdrawals go to it. */
    public static final String BANK_CLEARING = "BANK_CLEARING";

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "owner_id")
    public UUID ownerId;

    public String code;

    public String currency;

    @Column(name = "debits_posted", insertable = false, updatable = false)
    public long debitsPosted;

    @Column(name = "credits_posted", insertable = false, updatable = false)
    public long creditsPosted;

    @Column(name = "debits_pending", insertable = false, updatable = false)
    public long debitsPending;

    @Column(name = "no_overdraft")
    public boolean noOverdraft;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Credits minus debits: what the owner has, holds included. */
    public long posted() {
        return creditsPosted - debitsPosted;
    }

    /** What the owner may still spend: posted minus held. */
    public long available() {
        return posted() - debitsPending;
    }

    public static Uni<Account> walletOf(Kind kind, UUID ownerId) {
        return find("kind = ?1 and ownerId = ?2", kind, ownerId).firstResult();
    }

    /** The system account with this code (created by the migrations, so it exists). */
    public static Uni<Account> system(String code) {
        return Account.<Account>find("code", code).firstResult()
                .onItem().ifNull().failWith(() -> new IllegalStateException("no system account " + code));
    }
}
