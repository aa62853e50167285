package dev.moa.events.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * The lot closed. {@code outcome} SOLD ({@code winnerId}, {@code hammerPrice} and the winner's {@code holdId}, which
 * payment captures), RESERVE_NOT_MET (bids, but the best maximum stayed under the reserve) or UNSOLD (no bid); the
 * winner fields are absent unless SOLD. Every other bidder's hold is voided at the close. When SOLD with a second
 * bidder, {@code runnerUpId} and {@code runnerUpMaximum} (their highest maximum bid) name who payment offers the lot to
 * if the winner's payment fails (the second-chance offer); both absent otherwise. When RESERVE_NOT_MET,
 * {@code highestBidderId} and {@code highestBid} name the bidder who led at the close and the standing price the lot
 * reached (the visible highest bid, never their hidden maximum), so that they can be told; both absent otherwise.
 */
public record LotClosed(UUID lotId, UUID sellerId, String outcome, UUID winnerId, Long hammerPrice, UUID holdId,
                        long bidCount, Instant closedAt, UUID runnerUpId, Long runnerUpMaximum,
                        UUID highestBidderId, Long highestBid)
        implements AuctionEvent {

    public static final String SOLD = "SOLD";
    public static final String RESERVE_NOT_MET = "RESERVE_NOT_MET";
    public static final String UNSOLD = "UNSOLD";

    /** A close without a runner-up (the form before the runner-up fields were added). */
    public LotClosed(UUID lotId, UUID sellerId, String outcome, UUID winnerId, Long hammerPrice, UUID holdId,
                     long bidCount, Instant closedAt) {
        this(lotId, sellerId, outcome, winnerId, hammerPrice, holdId, bidCount, closedAt, null, null);
    }

    /** A close that names no highest bidder (the form before the reserve-not-met fields were added). */
    public LotClosed(UUID lotId, UUID sellerId, String outcome, UUID winnerId, Long hammerPrice, UUID holdId,
                     long bidCount, Instant closedAt, UUID runnerUpId, Long runnerUpMaximum) {
        this(lotId, sellerId, outcome, winnerId, hammerPrice, holdId, bidCount, closedAt, runnerUpId, runnerUpMaximum,
                null, null);
    }

    @Override
    public String eventType() {
        return "dev.moa.auction.LotClosed";
    }
}
