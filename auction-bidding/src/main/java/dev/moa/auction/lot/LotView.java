package dev.moa.auction.lot;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moa.auction.live.LiveLots;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lot as its readers see it. The reserve is shown only to its seller and to admins; bidders learn only whether it
 * is met. While the lot is live, price, bid count and end come from Redis. {@code you} is the caller's own standing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LotView(UUID id, UUID sellerId, String title, String artist, Integer year, String medium,
                      String dimensions, String description, List<String> imageUrls, String category,
                      long startPrice, Long reservePrice, boolean hasReserve, Boolean reserveMet, Long buyNowPrice,
                      List<Increments.Tier> increments, Instant startsAt, Instant endsAt, int softCloseSeconds,
                      int extensionSeconds, int maxExtensions, LotStatus status, long currentPrice,
                      long minimumNextBid, long bidCount, String outcome, Long hammerPrice, Standing you) {

    /** The caller's standing on the lot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Standing(String registration, Long limit, Long yourMaximum, Boolean leading, Boolean won) {
    }

    /** The view of {@code lot} with its live figures ({@code live} may be absent) for a reader. */
    public static LotView of(Lot lot, LiveLots.Snapshot live, boolean seesReserve, Standing you) {
        Increments table = lot.incrementTable();
        long bids = live != null ? live.bidCount() : lot.bidCount;
        long price = live != null && bids > 0 ? live.price()
                : lot.currentPrice != null ? lot.currentPrice : lot.startPrice;
        long minimum = bids == 0 ? lot.startPrice : price + table.at(price);
        Boolean reserveMet = lot.reservePrice == null ? null
                : live != null ? live.reserveMet() : lot.currentPrice != null && lot.currentPrice >= lot.reservePrice;
        return new LotView(lot.id, lot.sellerId, lot.title, lot.artist, lot.year, lot.medium, lot.dimensions,
                lot.description, lot.imageUrlList(), lot.category, lot.startPrice, seesReserve ? lot.reservePrice : null,
                lot.reservePrice != null, reserveMet, lot.buyNowPrice, table.tiers(), lot.startsAt,
                live != null ? live.endsAt() : lot.endsAt, lot.softCloseSeconds, lot.extensionSeconds,
                lot.maxExtensions, lot.status, lot.status == LotStatus.CLOSED && lot.hammerPrice != null
                        ? lot.hammerPrice : price, minimum, bids, lot.outcome, lot.hammerPrice, you);
    }
}
