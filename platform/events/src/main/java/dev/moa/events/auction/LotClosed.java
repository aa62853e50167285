package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * The lot closed. {@code outcome} SOLD ({@code winnerId}, {@code hammerPrice} and the winner's {@code holdId}, which
 * payment captures), RESERVE_NOT_MET (bids, but the best maximum stayed under the reserve) or UNSOLD (no bid); the
 * winner fields are absent unless SOLD. Every other bidder's hold is voided at the close.
 */
public record LotClosed(UUID lotId, UUID sellerId, String outcome, UUID winnerId, Long hammerPrice, UUID holdId,
                        long bidCount, Instant closedAt) implements AuctionEvent {

    public static final String SOLD = "SOLD";
    public static final String RESERVE_NOT_MET = "RESERVE_NOT_MET";
    public static final String UNSOLD = "UNSOLD";

    @Override
    public String eventType() {
        return "dev.moa.auction.LotClosed";
    }
}
