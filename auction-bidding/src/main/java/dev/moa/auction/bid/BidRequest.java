package dev.moa.auction.bid;

import dev.moa.auction.lot.LotTerms;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * A bid: exactly one of {@code amount} (a bid at that amount) or {@code maxAmount} (a proxy bid: the system bids for
 * you, one increment at a time, up to this hidden maximum). In won.
 */
public record BidRequest(@Positive @Max(LotTerms.MAX_AMOUNT) Long amount,
                         @Positive @Max(LotTerms.MAX_AMOUNT) Long maxAmount) {

    String kind() {
        return maxAmount != null ? "PROXY" : "MANUAL";
    }

    long value() {
        return maxAmount != null ? maxAmount : amount;
    }

    boolean wellFormed() {
        return (amount == null) != (maxAmount == null);
    }
}
