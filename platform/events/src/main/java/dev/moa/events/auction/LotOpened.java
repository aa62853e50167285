package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/** The lot takes bids from now until {@code endsAt} (which late bids may extend). */
public record LotOpened(UUID lotId, UUID sellerId, long startPrice, Instant endsAt, Instant occurredAt)
        implements AuctionEvent {

    @Override
    public String eventType() {
        return "dev.moa.auction.LotOpened";
    }
}
