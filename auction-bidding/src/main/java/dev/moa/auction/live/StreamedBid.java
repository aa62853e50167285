package dev.moa.auction.live;

import dev.moa.events.auction.BidAccepted;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Reads an entry of a lot's bid stream, as the bid script writes it ({@code lua/bid.lua}), as a BidAccepted. */
public final class StreamedBid {

    private StreamedBid() {
    }

    public static BidAccepted toEvent(UUID lot, Map<String, String> entry) {
        String previous = entry.get("previous");
        return new BidAccepted(lot, Long.parseLong(entry.get("seq")), UUID.fromString(entry.get("bidder")),
                entry.get("kind"), Long.parseLong(entry.get("amount")), Long.parseLong(entry.get("price")),
                UUID.fromString(entry.get("leader")), Long.parseLong(entry.get("leaderMax")),
                previous == null || previous.isEmpty() ? null : UUID.fromString(previous),
                Instant.ofEpochMilli(Long.parseLong(entry.get("endsAt"))), "1".equals(entry.get("extended")),
                Integer.parseInt(entry.get("extensions")), "1".equals(entry.get("buyNow")),
                Instant.ofEpochMilli(Long.parseLong(entry.get("at"))));
    }
}
