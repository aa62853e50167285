package dev.moa.auction.lifecycle;

import dev.moa.auction.bid.LoggedBid;
import dev.moa.auction.bid.LoggedRaise;
import dev.moa.auction.live.LiveLots;
import dev.moa.auction.live.LiveState;
import dev.moa.auction.live.LotTail;
import dev.moa.auction.lot.Lot;
import dev.moa.auction.lot.LotStatus;
import dev.moa.auction.registration.Registration;
import dev.moa.auction.registration.RegistrationStatus;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.auction.BidAccepted;
import dev.moa.events.auction.MaximumRaised;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Puts a lot's live state into Redis: at its opening, and whenever Redis has lost it. A rebuild takes the lot's state
 * after its last accepted bid, wherever that bid is: the PostgreSQL bid log, Kafka {@code auction.bids} (relayed but
 * not yet logged: {@link RelayedBids}) or the lot's Redis stream (not yet relayed); with the leader's maximum as they
 * raised it after that bid, if they did (a raise is no bid, but it is kept in the same places), and each bidder's best
 * bid. The bidders' approved limits come back from the registrations. Loading never overwrites a state Redis still
 * has; a rebuild that cannot read Kafka fails (503) rather than load a state that may be behind, which would accept a
 * bid at a price already taken.
 */
@ApplicationScoped
public class LiveStateLoader {

    private static final String BEST_BIDS =
            "select b.bidderId, max(b.amount) from LoggedBid b where b.lotId = ?1 group by b.bidderId";
    private static final String BEST_RAISES =
            "select r.bidderId, max(r.maximum) from LoggedRaise r where r.lotId = ?1 group by r.bidderId";

    private final LiveLots live;
    private final RelayedBids relayed;
    /** Rebuilds under way on this instance, one per lot however many bids are waiting for it. */
    private final ConcurrentMap<UUID, Uni<Void>> rebuilding = new ConcurrentHashMap<>();

    public LiveStateLoader(LiveLots live, RelayedBids relayed) {
        this.live = live;
        this.relayed = relayed;
    }

    /**
     * Makes sure an OPEN lot has live state; a 404, or a 409 for a lot that does not take bids. Bids that find the
     * state missing at once share one rebuild; each gets its answer back on its own Vert.x context.
     */
    public Uni<Void> ensureLive(UUID lotId) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<Void> shared = rebuilding.computeIfAbsent(lotId, id -> rebuild(id)
                    .onTermination().invoke(() -> rebuilding.remove(id))
                    .memoize().indefinitely());
            return context == null ? shared : shared.emitOn(command -> context.runOnContext(ignored -> command.run()));
        });
    }

    private Uni<Void> rebuild(UUID lotId) {
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

    /** Loads a lot that has just opened: no bid can exist anywhere yet. */
    public Uni<Void> loadOpened(Lot lot) {
        return live.load(state(lot, null, 0, null), Map.of()).chain(() -> approveLimits(lot));
    }

    /**
     * Loads {@code lot}'s state (in a reactive session) and its bidders' limits. The state is that after the last
     * accepted bid: the latest of the last one in the bid log, those in Kafka after it, and the last one still in the
     * lot's Redis stream; with its leader's maximum as they last raised it after that bid, if they did.
     */
    public Uni<Void> load(Lot lot) {
        // The bid log is read again after Kafka: bids the bid log wrote (and committed past) between the first read
        // and the Kafka read are in neither of those, but are in the second read of the log. Raises of a maximum are
        // read from their table after Kafka too (in leaderMax), for the same reason.
        return lastLogged(lot).chain(logged -> relayed.after(lot.id, logged == null ? 0 : logged.seq())
                        .chain(unlogged -> lastLogged(lot).chain(loggedSince -> live.streamedTail(lot.id)
                                .chain(streamed -> load(lot, Stream.of(logged, loggedSince), unlogged, streamed)))))
                .chain(() -> approveLimits(lot));
    }

    /** Loads the state after the latest of the bids found, the logged ones and the tails of Kafka and the stream. */
    private Uni<Boolean> load(Lot lot, Stream<BidAccepted> logged, LotTail unlogged, LotTail streamed) {
        BidAccepted last = latest(Stream.of(logged, unlogged.bids().stream(), streamed.bids().stream())
                .flatMap(bids -> bids));
        List<MaximumRaised> raises = Stream.concat(unlogged.raises().stream(), streamed.raises().stream()).toList();
        return runnerUp(lot, last, unlogged.bids())
                .chain(second -> leaderMax(lot, last, raises)
                        .chain(leaderMax -> bestBids(lot, unlogged, streamed)
                                .chain(best -> live.load(state(lot, last, leaderMax, second), best))));
    }

    /**
     * Each bidder's best bid or raised maximum (what the lot shows them as their maximum): from the bid log, the table
     * of raises, and what Kafka and the stream hold beyond them.
     */
    private static Uni<Map<UUID, Long>> bestBids(Lot lot, LotTail unlogged, LotTail streamed) {
        return Panache.getSession().chain(session -> session.createQuery(BEST_BIDS, Object[].class)
                        .setParameter(1, lot.id).getResultList()
                        .chain(bids -> session.createQuery(BEST_RAISES, Object[].class)
                                .setParameter(1, lot.id).getResultList()
                                .map(raises -> Stream.concat(bids.stream(), raises.stream()).toList())))
                .map(rows -> {
                    Map<UUID, Long> best = new HashMap<>();
                    rows.forEach(row -> best.merge((UUID) row[0], ((Number) row[1]).longValue(), Math::max));
                    for (LotTail tail : List.of(unlogged, streamed)) {
                        tail.bids().forEach(bid -> best.merge(bid.bidderId(), bid.amount(), Math::max));
                        tail.raises().forEach(raise -> best.merge(raise.bidderId(), raise.maximum(), Math::max));
                    }
                    return best;
                });
    }

    /**
     * The leader's maximum after {@code last}: its own, or the highest the leader raised it to after that bid (a raise
     * after an earlier bid was overtaken by {@code last}), from the table of raises or from {@code raises} (those in
     * Kafka and in the stream).
     */
    private static Uni<Long> leaderMax(Lot lot, BidAccepted last, List<MaximumRaised> raises) {
        if (last == null) {
            return Uni.createFrom().item(0L);
        }
        long unlogged = raises.stream()
                .filter(raise -> raise.bidderId().equals(last.leaderId()) && raise.afterSeq() == last.seq())
                .mapToLong(MaximumRaised::maximum).max().orElse(0);
        return LoggedRaise.<LoggedRaise>find("lotId = ?1 and bidderId = ?2 and afterSeq = ?3 order by maximum desc",
                        lot.id, last.leaderId(), last.seq()).firstResult()
                .map(logged -> Math.max(last.leaderMax(), Math.max(unlogged, logged == null ? 0 : logged.maximum)));
    }

    private static Uni<BidAccepted> lastLogged(Lot lot) {
        return LoggedBid.<LoggedBid>find("lotId = ?1 order by seq desc", lot.id).firstResult()
                .map(logged -> logged == null ? null : asEvent(logged));
    }

    private Uni<Void> approveLimits(Lot lot) {
        return Registration.<Registration>list("lotId = ?1 and status = ?2", lot.id, RegistrationStatus.APPROVED)
                .chain(registrations -> Multi.createFrom().iterable(registrations)
                        .onItem().transformToUniAndConcatenate(r -> live.approveLimit(lot.id, r.bidderId,
                                r.approvedLimit))
                        .collect().last())
                .replaceWithVoid();
    }

    /** The bid with the highest sequence, or {@code null}. */
    private static BidAccepted latest(Stream<BidAccepted> bids) {
        return bids.filter(bid -> bid != null).max(Comparator.comparingLong(BidAccepted::seq)).orElse(null);
    }

    /**
     * The runner-up: the best amount of any bidder but the leader, the earlier on a tie (what the bid script keeps),
     * among the logged bids and those found in Kafka. Bids only in the Redis stream, not yet relayed, are not counted.
     */
    private static Uni<BidAccepted> runnerUp(Lot lot, BidAccepted last, List<BidAccepted> unlogged) {
        if (last == null) {
            return Uni.createFrom().nullItem();
        }
        Comparator<BidAccepted> better = Comparator.comparingLong(BidAccepted::amount).reversed()
                .thenComparingLong(BidAccepted::seq);
        return LoggedBid.<LoggedBid>find("lotId = ?1 and bidderId <> ?2 order by amount desc, seq asc", lot.id,
                        last.leaderId()).firstResult()
                .map(logged -> Stream.concat(Stream.of(logged == null ? null : asEvent(logged)),
                                unlogged.stream().filter(bid -> !bid.bidderId().equals(last.leaderId())))
                        .filter(bid -> bid != null).min(better).orElse(null));
    }

    private static BidAccepted asEvent(LoggedBid bid) {
        return new BidAccepted(bid.lotId, bid.seq, bid.bidderId, bid.kind, bid.amount, bid.price, bid.leaderId,
                bid.leaderMax, bid.previousLeaderId, bid.endsAt, bid.extended, bid.extensions, bid.buyNow,
                bid.acceptedAt);
    }

    static LiveState state(Lot lot, BidAccepted last, long leaderMax, BidAccepted second) {
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
                leaderMax, last.seq(), lot.reservePrice, lot.buyNowPrice, lot.increments,
                lot.softCloseSeconds * 1000L, lot.extensionSeconds * 1000L, last.extensions(), lot.maxExtensions,
                second == null ? "" : second.bidderId().toString(), second == null ? 0 : second.amount());
    }
}
