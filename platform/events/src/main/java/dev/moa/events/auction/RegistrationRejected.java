package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * Money refused the hold for {@code limit}; {@code reason} is money's (INSUFFICIENT_FUNDS, UNKNOWN_ACCOUNT, …).
 * A bidder whose raise was refused keeps the limit approved before.
 */
public record RegistrationRejected(UUID lotId, UUID bidderId, long limit, UUID holdId, String reason,
                                   Instant occurredAt) implements AuctionEvent {

    @Override
    public String eventType() {
        return "dev.moa.auction.RegistrationRejected";
    }
}
