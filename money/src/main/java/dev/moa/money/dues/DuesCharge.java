package dev.moa.money.dues;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What one member owes a group for one month. Created UNPAID when due; becomes PAID once, with the DUES transfer
 * {@link #transferId}, which is derived from the key (see {@link #transferIdOf}). The database refuses any other change.
 */
@Entity
@Table(name = "dues_charges")
public class DuesCharge extends PanacheEntityBase {

    public enum Status { PAID, UNPAID }

    @EmbeddedId
    public Key id;

    public long amount;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "transfer_id")
    public UUID transferId;

    public int attempts;

    @Column(name = "last_attempt_on")
    public LocalDate lastAttemptOn;

    @Column(name = "paid_at")
    public Instant paidAt;

    /** The DUES transfer's id for a member's dues of a month: the same on every instance and every run. */
    public static UUID transferIdOf(UUID groupId, UUID memberId, String period) {
        return UUID.nameUUIDFromBytes(("dues:" + groupId + ":" + memberId + ":" + period)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "group_id")
        public UUID groupId;

        @Column(name = "member_id")
        public UUID memberId;

        /** {@code yyyy-MM}. */
        public String period;

        public Key() {
        }

        public Key(UUID groupId, UUID memberId, String period) {
            this.groupId = groupId;
            this.memberId = memberId;
            this.period = period;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && groupId.equals(that.groupId) && memberId.equals(that.memberId)
                    && period.equals(that.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, memberId, period);
        }

        @Override
        public String toString() {
            return groupId + "/" + memberId + "/" + period;
        }
    }
}
