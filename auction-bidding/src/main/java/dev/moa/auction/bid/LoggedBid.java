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

/** One accepted bid in the PostgreSQL bid log (written only by {@link BidLogConsumer}, once per lot and seq). */
@Entity
@Table(name = "bids")
@IdClass(LoggedBid.Key.class)
public class LoggedBid extends PanacheEntityBase {

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    @Id
    public long seq;

    @Column(name = "bidder_id")
    public UUID bidderId;

    public String kind;
    public long amount;
    public long price;

    @Column(name = "leader_id")
    public UUID leaderId;

    @Column(name = "leader_max")
    public long leaderMax;

    @Column(name = "previous_leader_id")
    public UUID previousLeaderId;

    @Column(name = "ends_at")
    public Instant endsAt;

    public boolean extended;
    public int extensions;

    @Column(name = "buy_now")
    public boolean buyNow;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** The bid log's key: a lot's sequence number is unique. */
    public static class Key implements Serializable {
        public UUID lotId;
        public long seq;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(lotId, key.lotId) && seq == key.seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(lotId, seq);
        }
    }
}
