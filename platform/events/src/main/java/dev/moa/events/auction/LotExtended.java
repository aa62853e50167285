package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/** A bid in the soft-close window (bid {@code seq}) moved the end to {@code endsAt}; {@code extensions} so far. */
public record LotExtended(UUID lotId, long seq, Instant endsAt, int extensions, Instant occurredAt)
        implements AuctionEvent {

    @Override
    public String eventType() {
        return "dev.moa.auction.LotExtended";
    }
}
