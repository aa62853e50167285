package dev.moa.events.auction;

import dev.moa.events.MoaEvent;

import java.util.UUID;

/**
 * An event about one lot: its subject (and Kafka key) is the lot id, so a lot's events stay in order. Everything but
 * {@link BidAccepted} and {@link MaximumRaised} goes to {@code auction.events}; bids, being many, have
 * {@code auction.bids} of their own, and a leader's raise of their maximum goes there too, in order with the bids.
 */
public interface AuctionEvent extends MoaEvent {

    UUID lotId();

    @Override
    default String subject() {
        return lotId().toString();
    }
}
