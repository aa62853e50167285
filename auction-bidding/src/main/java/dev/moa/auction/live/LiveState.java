package dev.moa.auction.live;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A lot's live state as the bid script reads it from its state hash. Times in epoch milliseconds (Redis' clock),
 * amounts in won; {@code leader} is empty and {@code seq} 0 before the first bid; {@code second} (the runner-up, see
 * {@code lua/bid.lua}) is empty until a second bidder has bid.
 */
public record LiveState(UUID lotId, String status, UUID sellerId, long startPrice, long startsAt, long endsAt,
                        long price, String leader, long leaderMax, long seq, Long reserve, Long buyNow,
                        String increments, long softCloseMillis, long extensionMillis, int extensions,
                        int maxExtensions, String second, long secondMax) {

    /** The hash's fields and values, as HSET takes them. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>(List.of("status", status, "seller", sellerId.toString(),
                "start", Long.toString(startPrice), "startsAt", Long.toString(startsAt),
                "endsAt", Long.toString(endsAt), "price", Long.toString(price), "leader", leader,
                "leaderMax", Long.toString(leaderMax), "seq", Long.toString(seq), "inc", increments,
                "window", Long.toString(softCloseMillis), "ext", Long.toString(extensionMillis),
                "extensions", Integer.toString(extensions), "maxExt", Integer.toString(maxExtensions),
                "second", second, "secondMax", Long.toString(secondMax)));
        if (reserve != null) {
            fields.addAll(List.of("reserve", reserve.toString()));
        }
        if (buyNow != null) {
            fields.addAll(List.of("buyNow", buyNow.toString()));
        }
        return fields;
    }
}
