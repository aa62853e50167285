package dev.moa.money.hold;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A hold (two-phase transfer), read-only: holds are written only by the {@code moa_*_hold} functions, which keep the
 * account's {@code debits_pending} in step.
 */
@Entity
@Table(name = "holds")
public class Hold extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "debit_account_id", insertable = false, updatable = false)
    public UUID debitAccountId;

    @Column(insertable = false, updatable = false)
    public long amount;

    /** What a capture posted; absent unless CAPTURED. */
    @Column(name = "captured_amount", insertable = false, updatable = false)
    public Long capturedAmount;

    /** The capture's posted transfer; absent unless CAPTURED. */
    @Column(name = "transfer_id", insertable = false, updatable = false)
    public UUID transferId;

    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    public HoldStatus status;

    @Column(name = "expires_at", insertable = false, updatable = false)
    public Instant expiresAt;

    @Column(insertable = false, updatable = false)
    public String reference;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "closed_at", insertable = false, updatable = false)
    public Instant closedAt;

    /** What the capture gave back to available: the hold minus what it posted. */
    public long releasedByCapture() {
        return capturedAmount == null ? 0 : amount - capturedAmount;
    }
}
