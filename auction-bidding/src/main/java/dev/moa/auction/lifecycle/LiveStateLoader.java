package dev.moa.auction.lifecycle;

import dev.moa.auction.bid.LoggedBid;
import dev.moa.auction.live.LiveLots;
import dev.moa.auction.live.LiveState;
import dev.moa.auction.lot.Lot;
import dev.moa.auction.lot.LotStatus;
import dev.moa.auction.registration.Registration;
import dev.moa.auction.registration.RegistrationStatus;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.auction.BidAccepted;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Puts a lot's live state into Redis: at its opening, and whenever Redis has lost it (then rebuilt from the bid log:
 * the last logged bid carries the lot's state after it, the bidders' best bids and approved limits come back too).
 * Loading never overwrites a state Redis still has.
 */
@ApplicationScoped
public class LiveStateLoader {

    private final LiveLots live;

    public LiveStateLoader(LiveLots live) {
        this.live = live;
    }

    /** Makes sure an OPEN lot has live state; a 404, or a 409 for a lot that does not take bids. */
    public Uni<Void> ensureLive(UUID lotId) {
        return Panache.withSession(() -> Lot.<Lot>findById(lotId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("The lot"))
                .chain(lot -> switch (lot.status) {
                    case OPEN -> load(lot);
                    case SCHEDULED -> Uni.createFrom().failure(ProblemException.conflict("lot-not-open",
                            "The lot is not open for bids yet"));
                    default -> Uni.createFrom().failure(ProblemException.conflict("lot-closed",
                            "The lot has ended and takes no more bids"));
                }));
    }

    /**
     * Loads {@code lot}'s state and its bidders' limits. The state is that after the last accepted bid: the later of
     * the last one in the bid log and the last one still in the lot's Redis stream (bids not yet logged are there).
     */
    public Uni<Void> load(Lot lot) {
        return LoggedBid.<LoggedBid>find("lotId = ?1 order by seq desc", lot.id).firstResult()
                .map(logged -> logged == null ? null : asEvent(logged))
                .chain(logged -> live.lastStreamed(lot.id).map(streamed -> streamed != null
                        && (logged == null || streamed.seq() > logged.seq()) ? streamed : logged))
                .chain(last -> runnerUp(lot, last).chain(second -> live.load(state(lot, last, second))))
                .chain(() -> Registration.<Registration>list("lotId = ?1 and status = ?2", lot.id,
                        RegistrationStatus.APPROVED))
                .chain(registrations -> Multi.createFrom().iterable(registrations)
                        .onItem().transformToUniAndConcatenate(r -> live.approveLimit(lot.id, r.bidderId,
                                r.approvedLimit))
                        .collect().last())
                .replaceWithVoid();
    }

    /**
     * The runner-up by the bid log: the best amount of any bidder but the leader, the earlier on a tie (what the bid
     * script keeps). Bids only in the Redis stream, not yet logged, are not counted.
     */
    private static Uni<LoggedBid> runnerUp(Lot lot, BidAccepted last) {
        return last == null ? Uni.createFrom().nullItem()
                : LoggedBid.<LoggedBid>find("lotId = ?1 and bidderId <> ?2 order by amount desc, seq asc", lot.id,
                last.leaderId()).firstResult();
    }

    private static BidAccepted asEvent(LoggedBid bid) {
        return new BidAccepted(bid.lotId, bid.seq, bid.bidderId, bid.kind, bid.amount, bid.price, bid.leaderId,
                bid.leaderMax, bid.previousLeaderId, bid.endsAt, bid.extended, bid.extensions, bid.buyNow,
                bid.acceptedAt);
    }

    static LiveState state(Lot lot, BidAccepted last, LoggedBid second) {
        long startsAt = lot.startsAt.toEpochMilli();
        String status = last != null && last.buyNow() ? "CLOSED" : LotStatus.OPEN.name();
        if (last == null) {
            return new LiveState(lot.id, status, lot.sellerId, lot.startPrice, startsAt, lot.endsAt.toEpochMilli(),
                    0, "", 0, 0, lot.reservePrice, lot.buyNowPrice, lot.increments,
                    lot.softCloseSeconds * 1000L, lot.extensionSeconds * 1000L, 0, lot.maxExtensions, "", 0);
        }
        long endsAt = Math.max(lot.endsAt.toEpochMilli(), last.endsAt().toEpochMilli());
        return new LiveState(lot.id, status, lot.sellerId, lot.startPrice, startsAt,
                last.buyNow() ? last.endsAt().toEpochMilli() : endsAt, last.price(), last.leaderId().toString(),
                last.leaderMax(), last.seq(), lot.reservePrice, lot.buyNowPrice, lot.increments,
                lot.softCloseSeconds * 1000L, lot.extensionSeconds * 1000L, last.extensions(), lot.maxExtensions,
                second == null ? "" : second.bidderId.toString(), second == null ? 0 : second.amount);
    }
}
