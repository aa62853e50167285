package dev.moa.money.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A posted transfer, read-only: transfers are written by {@code moa_post_transfer} and never change. */
@Entity
@Table(name = "transfers")
public class Transfer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "debit_account_id", insertable = false, updatable = false)
    public UUID debitAccountId;

    @Column(name = "credit_account_id", insertable = false, updatable = false)
    public UUID creditAccountId;

    @Column(insertable = false, updatable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    public TransferKind kind;

    @Column(insertable = false, updatable = false)
    public String reference;

    @Column(insertable = false, updatable = false)
    public String memo;

    @Column(name = "initiated_by", insertable = false, updatable = false)
    public UUID initiatedBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
