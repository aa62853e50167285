package dev.moa.auction.lot;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A lot as PostgreSQL records it. While it is OPEN the live truth (price, leader, end after extensions) is in Redis;
 * {@code currentPrice}, {@code bidCount} and {@code endsAt} here follow it through the bid log.
 */
@Entity
@Table(name = "lots")
public class Lot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "seller_id")
    public UUID sellerId;

    public String title;
    public String artist;
    public Integer year;
    public String medium;
    public String dimensions;
    public String description;

    /** The image URLs, one per line (a URL holds no white space). */
    @Column(name = "image_urls")
    public String imageUrls;

    public String category;

    @Column(name = "start_price")
    public long startPrice;

    @Column(name = "reserve_price")
    public Long reservePrice;

    @Column(name = "buy_now_price")
    public Long buyNowPrice;

    /** {@link Increments#text()}. */
    public String increments;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "soft_close_seconds")
    public int softCloseSeconds;

    @Column(name = "extension_seconds")
    public int extensionSeconds;

    @Column(name = "max_extensions")
    public int maxExtensions;

    @Enumerated(EnumType.STRING)
    public LotStatus status;

    @Column(name = "current_price")
    public Long currentPrice;

    @Column(name = "bid_count")
    public long bidCount;

    public String outcome;

    @Column(name = "winner_id")
    public UUID winnerId;

    @Column(name = "hammer_price")
    public Long hammerPrice;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    public List<String> imageUrlList() {
        return imageUrls == null || imageUrls.isEmpty() ? List.of() : Arrays.asList(imageUrls.split("\n"));
    }

    public Increments incrementTable() {
        return Increments.parse(increments);
    }

    /** The latest this lot can end: its end with every extension taken. */
    public Instant latestPossibleEnd() {
        return endsAt.plusSeconds((long) extensionSeconds * maxExtensions);
    }

    /** Moves the lot to {@code next}; the one place a lot's status changes. */
    public void moveTo(LotStatus next) {
        status = status.to(next);
        updatedAt = Instant.now();
    }
}
