package dev.moa.auction.bid;

import dev.moa.auction.lot.LotTerms;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * A bid: exactly one of {@code amount} (a bid at that amount) or {@code maxAmount} (a proxy bid: the system bids for
 * you, one increment at a time, up to this hidden maximum). In won.
 * <p>
 * The constraint annotations document the bounds (OpenAPI); {@link #invalid()} enforces them, so that the hottest
 * endpoint does without the Bean Validation interceptor.
 */
@RegisterForReflection // read and written by BidRoute's Jackson, not from a resource signature
public record BidRequest(@Positive @Max(LotTerms.MAX_AMOUNT) Long amount,
                         @Positive @Max(LotTerms.MAX_AMOUNT) Long maxAmount) {

    String kind() {
        return maxAmount != null ? "PROXY" : "MANUAL";
    }

    long value() {
        return maxAmount != null ? maxAmount : amount;
    }

    /** What is wrong with this bid, as a problem detail, or null when it is well formed. */
    String invalid() {
        if ((amount == null) == (maxAmount == null)) {
            return "Give exactly one of amount (a bid) or maxAmount (a proxy bid)";
        }
        String field = amount != null ? "amount" : "maxAmount";
        long value = value();
        if (value <= 0) {
            return field + ": must be greater than 0";
        }
        if (value > LotTerms.MAX_AMOUNT) {
            return field + ": must be less than or equal to " + LotTerms.MAX_AMOUNT;
        }
        return null;
    }
}
