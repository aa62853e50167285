package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/** {@code bidderId} no longer leads the lot: bid {@code seq} took the lead at {@code price}. */
public record Outbid(UUID lotId, UUID bidderId, long seq, long price, Instant endsAt, Instant occurredAt)
        implements AuctionEvent {

    @Override
    public String eventType() {
        return "dev.moa.auction.Outbid";
    }
}
