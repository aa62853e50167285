package dev.moa.notifications.auction;

import dev.moa.events.auction.LotClosed;
import dev.moa.events.auction.Outbid;
import dev.moa.events.auction.RegistrationApproved;
import dev.moa.events.auction.RegistrationRejected;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Notice;
import dev.moa.notifications.notice.NoticeRegistry;
import dev.moa.notifications.notice.NoticeRules;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code auction.events}: outbid (coalesced per lot and member), registration approved or rejected, and the closes
 * that end without a sale (reserve not met, unsold), told to the seller. A SOLD close tells nobody: the win and the
 * sale are told from payment's AuctionPaymentCompleted, once the winner has actually paid. A RESERVE_NOT_MET close
 * carries no bidder (the winner fields are absent unless SOLD), so only the seller is told.
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
                .onEach("dev.moa.auction.LotClosed", LotClosed.class, AuctionRules::closed);
    }

    /** Reserve not met or unsold tells the seller; SOLD tells nobody (payment's outcome does). */
    private static Notice closed(LotClosed event) {
        return switch (event.outcome()) {
            case LotClosed.RESERVE_NOT_MET -> Notice
                    .of(event.sellerId(), Category.AUCTION, "lot-reserve-not-met", event.lotId())
                    .with("bidCount", event.bidCount());
            case LotClosed.UNSOLD -> Notice.of(event.sellerId(), Category.AUCTION, "lot-unsold", event.lotId());
            case LotClosed.SOLD -> null;
            default -> throw new IllegalArgumentException("unknown lot outcome " + event.outcome());
        };
    }

    private static long positive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("an amount must be positive, was " + amount);
        }
        return amount;
    }
}
