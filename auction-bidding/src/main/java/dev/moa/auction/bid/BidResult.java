package dev.moa.auction.bid;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to an accepted bid: its place in the lot's sequence, the price now, whether you lead (LEADING) or a
 * higher maximum outbid you at once (OUTBID), the least the next bid must be, and the end (which your bid may have
 * extended). {@code yourMaximum} is your proxy maximum; {@code closed} says your bid bought the lot.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BidResult(UUID lotId, long seq, String status, long price, long minimumNextBid, Long yourMaximum,
                        Instant endsAt, boolean extended, boolean closed, Instant acceptedAt) {

    /** Reads the bid script's accepted answer ({@code A|seq|price|leader|leaderMax|endsAt|...}) for {@code bidder}. */
    static BidResult parse(UUID lotId, UUID bidder, String[] parts) {
        boolean leading = bidder.toString().equals(parts[3]);
        return new BidResult(lotId, Long.parseLong(parts[1]), leading ? "LEADING" : "OUTBID",
                Long.parseLong(parts[2]), Long.parseLong(parts[9]), leading ? Long.valueOf(parts[4]) : null,
                Instant.ofEpochMilli(Long.parseLong(parts[5])), "1".equals(parts[7]), "1".equals(parts[8]),
                Instant.ofEpochMilli(Long.parseLong(parts[10])));
    }
}
