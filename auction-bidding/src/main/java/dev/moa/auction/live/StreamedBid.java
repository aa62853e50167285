package dev.moa.auction.live;

import dev.moa.events.auction.AuctionEvent;
import dev.moa.events.auction.BidAccepted;
import dev.moa.events.auction.MaximumRaised;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Reads an entry of a lot's stream, as the bid script writes it ({@code lua/bid.lua}): an accepted bid (an entry
 * without {@code type}, as every entry was before raises had entries of their own) as a BidAccepted, or a leader's
 * raise of their own maximum ({@code type} = {@value #RAISE}) as a MaximumRaised.
 */
public final class StreamedBid {

    /** The {@code type} of a raise's entry. */
    public static final String RAISE = "max";

    private StreamedBid() {
    }

    public static boolean isRaise(Map<String, String> entry) {
        return RAISE.equals(entry.get("type"));
    }

    /** The entry as the event it is relayed as: a BidAccepted or a MaximumRaised. */
    public static AuctionEvent toEvent(UUID lot, Map<String, String> entry) {
        return isRaise(entry) ? toRaise(lot, entry) : toBid(lot, entry);
    }

    public static BidAccepted toBid(UUID lot, Map<String, String> entry) {
        String previous = entry.get("previous");
        return new BidAccepted(lot, Long.parseLong(entry.get("seq")), UUID.fromString(entry.get("bidder")),
                entry.get("kind"), Long.parseLong(entry.get("amount")), Long.parseLong(entry.get("price")),
                UUID.fromString(entry.get("leader")), Long.parseLong(entry.get("leaderMax")),
                previous == null || previous.isEmpty() ? null : UUID.fromString(previous),
                Instant.ofEpochMilli(Long.parseLong(entry.get("endsAt"))), "1".equals(entry.get("extended")),
                Integer.parseInt(entry.get("extensions")), "1".equals(entry.get("buyNow")),
                Instant.ofEpochMilli(Long.parseLong(entry.get("at"))));
    }

    public static MaximumRaised toRaise(UUID lot, Map<String, String> entry) {
        return new MaximumRaised(lot, UUID.fromString(entry.get("bidder")), Long.parseLong(entry.get("afterSeq")),
                Long.parseLong(entry.get("leaderMax")), Instant.ofEpochMilli(Long.parseLong(entry.get("at"))));
    }
}
