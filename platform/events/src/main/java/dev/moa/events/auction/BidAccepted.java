package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * One accepted bid, on {@code auction.bids} (key = lot). {@code seq} numbers a lot's accepted bids 1, 2, 3 … without
 * gaps; the rest is the lot's state right after the bid, so the bid log alone can rebuild the live state.
 *
 * <p>{@code kind} MANUAL ({@code amount} is the bid) or PROXY ({@code amount} is the bidder's hidden maximum);
 * {@code price} the lot's price after it; {@code leaderId} and {@code leaderMax} who leads and up to what (hidden
 * from bidders: consumers must not show it); {@code previousLeaderId} who led before (absent for the first bid);
 * {@code endsAt} the end after it, {@code extended} whether this bid extended it; {@code buyNow} whether it bought
 * the lot and closed it.
 */
public record BidAccepted(UUID lotId, long seq, UUID bidderId, String kind, long amount, long price, UUID leaderId,
                          long leaderMax, UUID previousLeaderId, Instant endsAt, boolean extended, int extensions,
                          boolean buyNow, Instant acceptedAt) implements AuctionEvent {

    @Override
    public String eventType() {
        return "dev.moa.auction.BidAccepted";
    }
}
