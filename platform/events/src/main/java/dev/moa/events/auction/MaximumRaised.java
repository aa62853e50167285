package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * The leading bidder raised their own hidden proxy maximum, on {@code auction.bids} (key = lot, in order with the
 * lot's bids). It is not a bid: it takes no sequence number and changes neither the price nor the end (no soft-close
 * extension). {@code afterSeq} is the lot's last accepted bid when it was raised (the bid that made {@code bidderId}
 * the leader, or a later one they still led after); {@code maximum} the new maximum, above the one before. A raised
 * maximum counts only while no later bid came: the state after bid {@code afterSeq} is that bid's with this maximum.
 *
 * <p>{@code maximum} is hidden from the other bidders, like {@link BidAccepted#leaderMax()}: consumers must not show
 * it to anyone but {@code bidderId}.
 */
public record MaximumRaised(UUID lotId, UUID bidderId, long afterSeq, long maximum, Instant raisedAt)
        implements AuctionEvent {

    @Override
    public String eventType() {
        return "dev.moa.auction.MaximumRaised";
    }
}
