package dev.moa.auction.lifecycle;

import dev.moa.auction.live.Closing;
import dev.moa.auction.live.LiveLots;
import dev.moa.auction.lot.Lot;
import dev.moa.auction.lot.LotStatus;
import dev.moa.auction.registration.RegistrationHolds;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.auction.LotClosed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/**
 * Closes a lot at its end. The close itself happens in Redis (the close script: atomic, and never before the end by
 * Redis' clock, which the bids use too); this records it: OPEN → CLOSED, LotClosed through the outbox, and a
 * VoidHold for every bidder's hold but the winner's, all in one transaction. A SOLD lot's LotClosed names the runner-up
 * (see {@code lua/bid.lua}) for payment's second-chance offer; a RESERVE_NOT_MET one names the highest bidder, so
 * that they can be told. Any instance may try at any time: the
 * row lock and the status make it happen once; a lot whose end moved (a late bid) gets its new end and waits.
 */
@ApplicationScoped
public class LotCloser {

    private final LiveLots live;
    private final LiveStateLoader loader;
    private final RegistrationHolds holds;
    private final Outbox outbox;

    public LotCloser(LiveLots live, LiveStateLoader loader, RegistrationHolds holds, Outbox outbox) {
        this.live = live;
        this.loader = loader;
        this.holds = holds;
        this.outbox = outbox;
    }

    /** Closes the lot if its end has come; whether it did. */
    public Uni<Boolean> close(UUID lotId) {
        return Panache.withTransaction(() -> Lot.<Lot>findById(lotId, LockModeType.PESSIMISTIC_WRITE).chain(lot -> {
            if (lot == null || lot.status != LotStatus.OPEN) {
                return Uni.createFrom().item(false);
            }
            return live.close(lotId)
                    .chain(closing -> "NO_STATE".equals(closing.state())
                            ? loader.load(lot).chain(() -> live.close(lotId)) : Uni.createFrom().item(closing))
                    .chain(closing -> record(lot, closing));
        }));
    }

    private Uni<Boolean> record(Lot lot, Closing closing) {
        if ("NOT_YET".equals(closing.state())) {
            lot.endsAt = closing.at();
            return Uni.createFrom().item(false);
        }
        if (!closing.closed()) {
            Log.warnf("lot %s is OPEN here but %s in Redis; not closed", lot.id, closing.state());
            return Uni.createFrom().item(false);
        }
        lot.moveTo(LotStatus.CLOSED);
        lot.outcome = closing.outcome();
        lot.winnerId = closing.winnerId();
        lot.hammerPrice = LotClosed.SOLD.equals(closing.outcome()) ? closing.hammerPrice() : null;
        lot.bidCount = Math.max(lot.bidCount, closing.bidCount());
        lot.closedAt = closing.at();
        lot.endsAt = closing.at();
        // The runner-up's hold is voided too: a second-chance order is paid from the wallet.
        boolean sold = LotClosed.SOLD.equals(closing.outcome()) && lot.winnerId != null;
        boolean reserveNotMet = LotClosed.RESERVE_NOT_MET.equals(closing.outcome());
        return holds.voidAllBut(lot.id, lot.winnerId)
                .chain(winnerHold -> outbox.append(Topics.AUCTION_EVENTS, new LotClosed(lot.id, lot.sellerId,
                        lot.outcome, lot.winnerId, lot.hammerPrice, lot.winnerId == null ? null : winnerHold,
                        closing.bidCount(), closing.at(), sold ? closing.runnerUpId() : null,
                        sold ? closing.runnerUpMaximum() : null, reserveNotMet ? closing.highestBidderId() : null,
                        reserveNotMet ? closing.highestBid() : null)))
                .replaceWith(true);
    }
}
