package dev.moa.auction.bid;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to an accepted bid: its place in the lot's sequence, the price now, whether you lead (LEADING) or a
 * higher maximum outbid you at once (OUTBID), the least the next bid must be, and the end (which your bid may have
 * extended). {@code yourMaximum} is your proxy maximum; {@code closed} says your bid bought the lot.
 * <p>
 * {@code maximumRaised} says the request was not a bid but a raise of your own hidden maximum while you lead: then
 * {@code seq} is the lot's last bid (the one you lead after, unchanged), the price and the end are unchanged (a raise
 * never extends the end), you are LEADING and {@code yourMaximum} is the new maximum.
 */
@RegisterForReflection // read and written by BidRoute's Jackson, not from a resource signature
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BidResult(UUID lotId, long seq, String status, long price, long minimumNextBid, Long yourMaximum,
                        Instant endsAt, boolean extended, boolean closed, Instant acceptedAt, boolean maximumRaised) {

    /**
     * Reads the bid script's accepted answer for {@code bidder}: {@code A|seq|price|leader|leaderMax|endsAt|...} for a
     * bid, {@code M|...} in the same layout for a leader's raise of their maximum.
     */
    static BidResult parse(UUID lotId, UUID bidder, String[] parts) {
        boolean leading = bidder.toString().equals(parts[3]);
        return new BidResult(lotId, Long.parseLong(parts[1]), leading ? "LEADING" : "OUTBID",
                Long.parseLong(parts[2]), Long.parseLong(parts[9]), leading ? Long.valueOf(parts[4]) : null,
                Instant.ofEpochMilli(Long.parseLong(parts[5])), "1".equals(parts[7]), "1".equals(parts[8]),
                Instant.ofEpochMilli(Long.parseLong(parts[10])), "M".equals(parts[0]));
    }
}
