package dev.moa.auction.bid;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.EventJson;
import dev.moa.events.Topics;
import dev.moa.events.auction.AuctionEvent;
import dev.moa.events.auction.BidAccepted;
import dev.moa.events.auction.LotExtended;
import dev.moa.events.auction.MaximumRaised;
import dev.moa.events.auction.Outbid;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;


/**
 * Writes {@code auction.bids} into the PostgreSQL bid log, each bid exactly once: the insert is keyed by (lot, seq),
 * so a bid the relay sent twice is skipped. In the same transaction it brings the lot's row up to date (price, bid
 * count, end) and announces what the bid did to others: Outbid to the leader it displaced, LotExtended when it moved
 * the end. A leader's raise of their maximum (MaximumRaised, by its CloudEvents type) is no bid: it goes to
 * {@code maxima_raised} once (keyed by lot, bidder and maximum) and changes nothing else. A record of any other type
 * goes to the dead-letter topic, as an unreadable one does.
 */
@ApplicationScoped
public class BidLogConsumer {

    private static final String INSERT = "insert into bids (lot_id, seq, bidder_id, kind, amount, price, leader_id, "
            + "leader_max, previous_leader_id, ends_at, extended, extensions, buy_now, accepted_at) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) on conflict do nothing";
    private static final String FOLLOW = "update lots set current_price = case when ?2 > bid_count then ?3 "
            + "else current_price end, ends_at = case when status = 'OPEN' and ?2 > bid_count then ?4 else ends_at end, "
            + "bid_count = greatest(bid_count, ?2) where id = ?1";

    private static final String INSERT_RAISE = "insert into maxima_raised (lot_id, bidder_id, after_seq, maximum, "
            + "raised_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing";
    private static final String BID_ACCEPTED = "dev.moa.auction.BidAccepted";
    private static final String MAXIMUM_RAISED = "dev.moa.auction.MaximumRaised";

    private final Outbox outbox;

    public BidLogConsumer(Outbox outbox) {
        this.outbox = outbox;
    }

    @Incoming("auction-bids")
    public Uni<Void> consume(Message<String> message) {
        String type = Inbox.eventType(message);
        return Uni.createFrom().item(() -> read(type, message.getPayload()))
                .chain(event -> event instanceof MaximumRaised raise ? log(raise) : log((BidAccepted) event))
                .plug(handling -> Inbox.untilApplied("auction-bids", handling))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.errorf("%s not logged, to the dead-letter topic: %s", type == null ? "record" : type,
                            e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    Uni<Void> log(BidAccepted bid) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, bid.lotId()).setParameter(2, bid.seq()).setParameter(3, bid.bidderId())
                .setParameter(4, bid.kind()).setParameter(5, bid.amount()).setParameter(6, bid.price())
                .setParameter(7, bid.leaderId()).setParameter(8, bid.leaderMax())
                .setParameter(9, bid.previousLeaderId()).setParameter(10, bid.endsAt())
                .setParameter(11, bid.extended()).setParameter(12, bid.extensions()).setParameter(13, bid.buyNow())
                .setParameter(14, bid.acceptedAt())
                .executeUpdate()
                .chain(inserted -> inserted == 0 ? checkDuplicate(bid)
                        : session.createNativeQuery(FOLLOW).setParameter(1, bid.lotId()).setParameter(2, bid.seq())
                        .setParameter(3, bid.price()).setParameter(4, bid.endsAt()).executeUpdate()
                        .chain(() -> announce(bid)))));
    }

    Uni<Void> log(MaximumRaised raise) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(INSERT_RAISE).setParameter(1, raise.lotId()).setParameter(2, raise.bidderId())
                .setParameter(3, raise.afterSeq()).setParameter(4, raise.maximum())
                .setParameter(5, raise.raisedAt())
                .executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * A bid already in the log is normally the same bid sent twice. A different bid under the same (lot, seq) would
     * mean the live state was rebuilt from a log that lagged behind: it is reported loudly, never silently dropped.
     */
    private static Uni<Void> checkDuplicate(BidAccepted bid) {
        return LoggedBid.<LoggedBid>find("lotId = ?1 and seq = ?2", bid.lotId(), bid.seq()).firstResult()
                .invoke(logged -> {
                    if (logged != null && (!logged.bidderId.equals(bid.bidderId()) || logged.price != bid.price())) {
                        Log.errorf("lot %s: bid %d logged as %s at %d but relayed as %s at %d; the bid log kept the "
                                + "first", bid.lotId(), bid.seq(), logged.bidderId, logged.price, bid.bidderId(),
                                bid.price());
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> announce(BidAccepted bid) {
        Uni<?> outbid = bid.previousLeaderId() != null && !bid.previousLeaderId().equals(bid.leaderId())
                ? outbox.append(Topics.AUCTION_EVENTS, new Outbid(bid.lotId(), bid.previousLeaderId(), bid.seq(),
                bid.price(), bid.endsAt(), bid.acceptedAt()))
                : Uni.createFrom().voidItem();
        return outbid.chain(() -> bid.extended()
                        ? outbox.append(Topics.AUCTION_EVENTS, new LotExtended(bid.lotId(), bid.seq(), bid.endsAt(),
                        bid.extensions(), bid.acceptedAt()))
                        : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    /** The record as its CloudEvents type says (a BidAccepted when it has none, as the first records had). */
    private static AuctionEvent read(String type, String payload) {
        if (MAXIMUM_RAISED.equals(type)) {
            MaximumRaised raise = parse(payload, MaximumRaised.class);
            if (raise.lotId() == null || raise.bidderId() == null || raise.afterSeq() <= 0 || raise.maximum() <= 0
                    || raise.raisedAt() == null) {
                throw new IllegalArgumentException("MaximumRaised without its lot, bidder, bid, maximum or time");
            }
            return raise;
        }
        if (type != null && !BID_ACCEPTED.equals(type)) {
            throw new IllegalArgumentException("not an event of the bid log: " + type);
        }
        BidAccepted bid = parse(payload, BidAccepted.class);
        if (bid.lotId() == null || bid.seq() <= 0 || bid.bidderId() == null || bid.leaderId() == null) {
            throw new IllegalArgumentException("BidAccepted without its lot, seq or bidders");
        }
        return bid;
    }

    private static <T> T parse(String payload, Class<T> type) {
        try {
            return EventJson.mapper().readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
