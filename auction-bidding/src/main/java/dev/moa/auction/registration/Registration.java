package dev.moa.auction.registration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A bidder's registration for one lot. {@code holdId} is the hold money keeps for the {@code approvedLimit}; a hold
 * asked for and not yet answered is {@code pendingHoldId} for {@code pendingLimit}. A bidder may bid up to the
 * approved limit only.
 */
@Entity
@Table(name = "registrations")
@IdClass(Registration.Key.class)
public class Registration extends PanacheEntityBase {

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    @Id
    @Column(name = "bidder_id")
    public UUID bidderId;

    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;

    @Column(name = "approved_limit")
    public Long approvedLimit;

    @Column(name = "hold_id")
    public UUID holdId;

    @Column(name = "pending_limit")
    public Long pendingLimit;

    @Column(name = "pending_hold_id")
    public UUID pendingHoldId;

    /** Money's reason for refusing the last hold asked for, if it did. */
    @Column(name = "last_refusal")
    public String lastRefusal;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** The composite key: one registration per bidder and lot. */
    public static class Key implements Serializable {
        public UUID lotId;
        public UUID bidderId;

        public Key() {
        }

        public Key(UUID lotId, UUID bidderId) {
            this.lotId = lotId;
            this.bidderId = bidderId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(lotId, key.lotId)
                    && Objects.equals(bidderId, key.bidderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lotId, bidderId);
        }
    }
}
