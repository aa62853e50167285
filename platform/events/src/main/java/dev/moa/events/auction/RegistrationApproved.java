package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * Money holds {@code limit} for the bidder, who may now bid on the lot up to that amount. A raised limit is approved
 * again with its new hold (the previous hold is voided).
 */
public record RegistrationApproved(UUID lotId, UUID bidderId, long limit, UUID holdId, Instant occurredAt)
        implements AuctionEvent {

    @Override
    public String eventType() {
        return "dev.moa.auction.RegistrationApproved";
    }
}
