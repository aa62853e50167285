package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * The lot closed. {@code outcome} SOLD ({@code winnerId}, {@code hammerPrice} and the winner's {@code holdId}, which
 * payment captures), RESERVE_NOT_MET (bids, but the best maximum stayed under the reserve) or UNSOLD (no bid); the
 * winner fields are absent unless SOLD. Every other bidder's hold is voided at the close. When SOLD with a second
 * bidder, {@code runnerUpId} and {@code runnerUpMaximum} (their highest maximum bid) name who payment offers the lot to
 * if the winner's payment fails (the second-chance offer); both absent otherwise.
 */
public record LotClosed(UUID lotId, UUID sellerId, String outcome, UUID winnerId, Long hammerPrice, UUID holdId,
                        long bidCount, Instant closedAt, UUID runnerUpId, Long runnerUpMaximum)
        implements AuctionEvent {

    public static final String SOLD = "SOLD";
    public static final String RESERVE_NOT_MET = "RESERVE_NOT_MET";
    public static final String UNSOLD = "UNSOLD";

    /** A close without a runner-up (the form before the runner-up fields were added). */
    public LotClosed(UUID lotId, UUID sellerId, String outcome, UUID winnerId, Long hammerPrice, UUID holdId,
                     long bidCount, Instant closedAt) {
        this(lotId, sellerId, outcome, winnerId, hammerPrice, holdId, bidCount, closedAt, null, null);
    }

    @Override
    public String eventType() {
        return "dev.moa.auction.LotClosed";
    }
}
