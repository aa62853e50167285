package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/** The lot was withdrawn before it closed; {@code by} is SELLER or ADMIN. The bidders' holds are voided. */
public record LotCanceled(UUID lotId, UUID sellerId, String by, Instant occurredAt) implements AuctionEvent {

    @Override
    public String eventType() {
        return "dev.moa.auction.LotCanceled";
    }
}
