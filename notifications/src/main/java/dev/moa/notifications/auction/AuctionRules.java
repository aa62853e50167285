package dev.moa.notifications.auction;

import dev.moa.events.auction.LotClosed;
import dev.moa.events.auction.Outbid;
import dev.moa.events.auction.RegistrationApproved;
import dev.moa.events.auction.RegistrationRejected;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Notice;
import dev.moa.notifications.notice.NoticeRegistry;
import dev.moa.notifications.notice.NoticeRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code auction.events}: outbid (coalesced per lot and member), registration approved or rejected, and the closes
 * that end without a sale (reserve not met, unsold), told to the seller. A SOLD close tells nobody: the win and the
 * sale are told from payment's AuctionPaymentCompleted, once the winner has actually paid. A RESERVE_NOT_MET close
 * tells the seller and, when the event names them ({@code highestBidderId}, since auction-bidding fills it), the
 * bidder who led at the close: the lot was not sold to them and their hold is released. An older RESERVE_NOT_MET
 * without that field tells the seller only.
 */
@ApplicationScoped
public class AuctionRules implements NoticeRules {

    @Override
    public void register(NoticeRegistry registry) {
        registry.onEach("dev.moa.auction.Outbid", Outbid.class, event -> Notice
                        .of(event.bidderId(), Category.OUTBID, "outbid", event.lotId())
                        .with("price", positive(event.price()))
                        .coalescedBy(event.lotId()))
                .onEach("dev.moa.auction.RegistrationApproved", RegistrationApproved.class, event -> Notice
                        .of(event.bidderId(), Category.AUCTION, "registration-approved", event.lotId())
                        .with("limit", positive(event.limit())))
                .onEach("dev.moa.auction.RegistrationRejected", RegistrationRejected.class, event -> Notice
                        .of(event.bidderId(), Category.AUCTION, "registration-rejected", event.lotId())
                        .with("limit", positive(event.limit())).with("reason", event.reason()))
                .on("dev.moa.auction.LotClosed", LotClosed.class, event -> Uni.createFrom().item(closed(event)));
    }

    /** Reserve not met tells the seller and the highest bidder; unsold the seller; SOLD nobody (payment does). */
    private static List<Notice> closed(LotClosed event) {
        return switch (event.outcome()) {
            case LotClosed.RESERVE_NOT_MET -> reserveNotMet(event);
            case LotClosed.UNSOLD -> List.of(Notice.of(event.sellerId(), Category.AUCTION, "lot-unsold",
                    event.lotId()));
            case LotClosed.SOLD -> List.of();
            default -> throw new IllegalArgumentException("unknown lot outcome " + event.outcome());
        };
    }

    private static List<Notice> reserveNotMet(LotClosed event) {
        List<Notice> notices = new ArrayList<>(2);
        notices.add(Notice.of(event.sellerId(), Category.AUCTION, "lot-reserve-not-met", event.lotId())
                .with("bidCount", event.bidCount()));
        if (event.highestBidderId() != null && !event.highestBidderId().equals(event.sellerId())) {
            notices.add(Notice.of(event.highestBidderId(), Category.AUCTION, "lot-reserve-not-met-bidder",
                            event.lotId())
                    .with("highestBid", event.highestBid() == null ? null : positive(event.highestBid())));
        }
        return notices;
    }

    private static long positive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("an amount must be positive, was " + amount);
        }
        return amount;
    }
}
