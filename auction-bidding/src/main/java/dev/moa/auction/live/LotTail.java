package dev.moa.auction.live;

import dev.moa.events.auction.BidAccepted;
import dev.moa.events.auction.MaximumRaised;

import java.util.List;

/**
 * What one place (Kafka {@code auction.bids}, a lot's Redis stream) holds of a lot's latest bids, in sequence order,
 * and of its leaders' raises of their own maximum: what a rebuild of the lot's live state must count.
 */
public record LotTail(List<BidAccepted> bids, List<MaximumRaised> raises) {

    public LotTail {
        bids = List.copyOf(bids);
        raises = List.copyOf(raises);
    }
}
