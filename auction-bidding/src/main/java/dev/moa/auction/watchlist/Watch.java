package dev.moa.auction.watchlist;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A member watches a lot. */
@Entity
@Table(name = "watchlist")
@IdClass(Watch.Key.class)
public class Watch extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    /** One row per member and lot. */
    public static class Key implements Serializable {
        public UUID memberId;
        public UUID lotId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(memberId, key.memberId)
                    && Objects.equals(lotId, key.lotId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, lotId);
        }
    }
}
