package dev.moa.auction.bid;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A leader's raise of their own hidden maximum after bid {@code afterSeq} (written only by {@link BidLogConsumer}, once
 * per lot, bidder and maximum). Not a bid: the bid log ({@link LoggedBid}) does not hold it.
 */
@Entity
@Table(name = "maxima_raised")
@IdClass(LoggedRaise.Key.class)
public class LoggedRaise extends PanacheEntityBase {

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    @Id
    @Column(name = "bidder_id")
    public UUID bidderId;

    @Id
    public long maximum;

    @Column(name = "after_seq")
    public long afterSeq;

    @Column(name = "raised_at")
    public Instant raisedAt;

    /** A bidder raises their maximum to a given amount once on a lot (each raise is above the one before). */
    public static class Key implements Serializable {
        public UUID lotId;
        public UUID bidderId;
        public long maximum;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(lotId, key.lotId)
                    && Objects.equals(bidderId, key.bidderId) && maximum == key.maximum;
        }

        @Override
        public int hashCode() {
            return Objects.hash(lotId, bidderId, maximum);
        }
    }
}
