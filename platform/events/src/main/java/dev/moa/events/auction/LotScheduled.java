package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * A seller put a lot up for auction: it opens at {@code startsAt} and closes at {@code endsAt} unless late bids
 * extend it. The reserve is hidden from bidders and therefore not in the event; {@code buyNowPrice} is absent when
 * the lot has none.
 */
public record LotScheduled(UUID lotId, UUID sellerId, String title, String artist, String category, long startPrice,
                           Long buyNowPrice, Instant startsAt, Instant endsAt, Instant occurredAt)
        implements AuctionEvent {

    @Override
    public String eventType() {
        return "dev.moa.auction.LotScheduled";
    }
}
