package dev.moa.banking.account;

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

/** A member's bank account, verified with the bank. Unlinking keeps the row (firm-banking history refers to it). */
@Entity
@Table(name = "bank_accounts")
public class BankAccount extends PanacheEntityBase {

    public enum Status {
        ACTIVE,
        UNLINKED
    }

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "bank_code")
    public String bankCode;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "holder_name")
    public String holderName;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "linked_at")
    public Instant linkedAt;

    @Column(name = "unlinked_at")
    public Instant unlinkedAt;

    /** The member's active account {@code id}, or null (also when it is another member's: no one learns of it). */
    public static Uni<BankAccount> activeOf(UUID memberId, UUID id) {
        return find("id = ?1 and memberId = ?2 and status = ?3", id, memberId, Status.ACTIVE).firstResult();
    }

    public static Uni<Long> activeCount(UUID memberId) {
        return count("memberId = ?1 and status = ?2", memberId, Status.ACTIVE);
    }

    public static Uni<Boolean> activelyLinked(String bankCode, String accountNumber) {
        return count("bankCode = ?1 and accountNumber = ?2 and status = ?3", bankCode, accountNumber, Status.ACTIVE)
                .map(count -> count > 0);
    }

    /** The last four digits, the only part of the number that leaves banking. */
    public String last4() {
        return accountNumber.substring(accountNumber.length() - 4);
    }
}
