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
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes {@code auction.bids} into the PostgreSQL bid log, each bid exactly once, a polled batch of records at a time
 * in one transaction: the insert is keyed by (lot, seq), so a bid the relay sent twice is skipped. In the same
 * transaction it brings each lot's row up to date (price, bid count, end) and announces what the bids did to others:
 * Outbid to the leader a bid displaced, LotExtended when it moved the end. A leader's raise of their maximum
 * (MaximumRaised, by its CloudEvents type) is no bid: it goes to {@code maxima_raised} once (keyed by lot, bidder and
 * maximum) and changes nothing else. A record of any other type, or one that cannot be read, goes to the dead-letter
 * topic on its own; a batch that fails for any other reason is retried with back-off until it is written, and only
 * then acknowledged.
 */
@ApplicationScoped
public class BidLogConsumer {

    private static final String INSERT = """
            insert into bids (lot_id, seq, bidder_id, kind, amount, price, leader_id, leader_max, previous_leader_id,
                              ends_at, extended, extensions, buy_now, accepted_at)
            select * from unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::bigint[], $6::bigint[],
                                 $7::uuid[], $8::bigint[], $9::uuid[], $10::timestamptz[], $11::boolean[],
                                 $12::integer[], $13::boolean[], $14::timestamptz[])
            on conflict do nothing
            returning lot_id, seq""";
    /** Each lot follows the last bid of the batch (what following each bid in turn comes to). */
    private static final String FOLLOW = """
            update lots l
            set current_price = case when v.seq > l.bid_count then v.price else l.current_price end,
                ends_at = case when l.status = 'OPEN' and v.seq > l.bid_count then v.ends_at else l.ends_at end,
                bid_count = greatest(l.bid_count, v.seq)
            from unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::timestamptz[]) as v(lot_id, seq, price, ends_at)
            where l.id = v.lot_id""";
    private static final String LOGGED = """
            select b.lot_id, b.seq, b.bidder_id, b.price
            from bids b
            join unnest($1::uuid[], $2::bigint[]) as k(lot_id, seq) on b.lot_id = k.lot_id and b.seq = k.seq""";
    private static final String INSERT_RAISES = """
            insert into maxima_raised (lot_id, bidder_id, after_seq, maximum, raised_at)
            select * from unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::bigint[], $5::timestamptz[])
            on conflict do nothing""";
    private static final String CHANNEL = "auction-bids";
    private static final String BID_ACCEPTED = "dev.moa.auction.BidAccepted";
    private static final String MAXIMUM_RAISED = "dev.moa.auction.MaximumRaised";

    private final Pool database;
    private final Outbox outbox;

    public BidLogConsumer(Pool database, Outbox outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<BidAccepted> bids = new ArrayList<>();
        List<MaximumRaised> raises = new ArrayList<>();
        List<Inbox.Unreadable> unreadable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                AuctionEvent event = read(Inbox.eventType(record), record.getPayload());
                if (event instanceof MaximumRaised raise) {
                    raises.add(raise);
                } else {
                    bids.add((BidAccepted) event);
                }
            } catch (IllegalArgumentException e) {
                unreadable.add(new Inbox.Unreadable(record, e));
            }
        }
        return Inbox.untilApplied(CHANNEL, Uni.createFrom().deferred(() -> log(bids, raises)))
                .chain(() -> Inbox.deadLetter(CHANNEL, unreadable))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** Writes the bids and raises of one batch in one transaction. */
    Uni<Void> log(List<BidAccepted> bids, List<MaximumRaised> raises) {
        if (bids.isEmpty() && raises.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return database.withTransaction(transaction -> insertBids(transaction, bids)
                .chain(inserted -> follow(transaction, inserted)
                        .chain(() -> announce(transaction, inserted))
                        .chain(() -> checkDuplicates(transaction, bids, inserted)))
                .chain(() -> insertRaises(transaction, raises)));
    }

    /** Inserts the bids; returns those that were new, in (lot, seq) order. */
    private static Uni<List<BidAccepted>> insertBids(SqlConnection transaction, List<BidAccepted> bids) {
        if (bids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = bids.size();
        UUID[] lots = new UUID[n];
        Long[] seqs = new Long[n];
        UUID[] bidders = new UUID[n];
        String[] kinds = new String[n];
        Long[] amounts = new Long[n];
        Long[] prices = new Long[n];
        UUID[] leaders = new UUID[n];
        Long[] leaderMaxima = new Long[n];
        UUID[] previousLeaders = new UUID[n];
        OffsetDateTime[] ends = new OffsetDateTime[n];
        Boolean[] extended = new Boolean[n];
        Integer[] extensions = new Integer[n];
        Boolean[] buyNow = new Boolean[n];
        OffsetDateTime[] accepted = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            BidAccepted bid = bids.get(i);
            lots[i] = bid.lotId();
            seqs[i] = bid.seq();
            bidders[i] = bid.bidderId();
            kinds[i] = bid.kind();
            amounts[i] = bid.amount();
            prices[i] = bid.price();
            leaders[i] = bid.leaderId();
            leaderMaxima[i] = bid.leaderMax();
            previousLeaders[i] = bid.previousLeaderId();
            ends[i] = utc(bid.endsAt());
            extended[i] = bid.extended();
            extensions[i] = bid.extensions();
            buyNow[i] = bid.buyNow();
            accepted[i] = utc(bid.acceptedAt());
        }
        Tuple parameters = Tuple.from(new Object[] {lots, seqs, bidders, kinds, amounts, prices, leaders, leaderMaxima,
                previousLeaders, ends, extended, extensions, buyNow, accepted});
        return transaction.preparedQuery(INSERT).execute(parameters).map(rows -> {
            Set<String> fresh = new HashSet<>();
            rows.forEach(row -> fresh.add(key(row.getUUID("lot_id"), row.getLong("seq"))));
            return bids.stream().filter(bid -> fresh.remove(key(bid.lotId(), bid.seq())))
                    .sorted(Comparator.comparing(BidAccepted::lotId).thenComparingLong(BidAccepted::seq))
                    .toList();
        });
    }

    private static Uni<Void> follow(SqlConnection transaction, List<BidAccepted> inserted) {
        if (inserted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, BidAccepted> last = new LinkedHashMap<>();
        inserted.forEach(bid -> last.merge(bid.lotId(), bid, (a, b) -> a.seq() >= b.seq() ? a : b));
        Tuple parameters = Tuple.of(last.keySet().toArray(UUID[]::new),
                last.values().stream().map(BidAccepted::seq).toArray(Long[]::new),
                last.values().stream().map(BidAccepted::price).toArray(Long[]::new),
                last.values().stream().map(bid -> utc(bid.endsAt())).toArray(OffsetDateTime[]::new));
        return transaction.preparedQuery(FOLLOW).execute(parameters).replaceWithVoid();
    }

    private Uni<Void> announce(SqlConnection transaction, List<BidAccepted> inserted) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (BidAccepted bid : inserted) {
            if (bid.previousLeaderId() != null && !bid.previousLeaderId().equals(bid.leaderId())) {
                all = all.chain(() -> outbox.append(transaction, Topics.AUCTION_EVENTS, new Outbid(bid.lotId(),
                        bid.previousLeaderId(), bid.seq(), bid.price(), bid.endsAt(), bid.acceptedAt())))
                        .replaceWithVoid();
            }
            if (bid.extended()) {
                all = all.chain(() -> outbox.append(transaction, Topics.AUCTION_EVENTS, new LotExtended(bid.lotId(),
                        bid.seq(), bid.endsAt(), bid.extensions(), bid.acceptedAt())))
                        .replaceWithVoid();
            }
        }
        return all;
    }

    /**
     * A bid already in the log is normally the same bid sent twice. A different bid under the same (lot, seq) would
     * mean the live state was rebuilt from a log that lagged behind: it is reported loudly, never silently dropped.
     */
    private static Uni<Void> checkDuplicates(SqlConnection transaction, List<BidAccepted> bids,
                                             List<BidAccepted> inserted) {
        Set<String> fresh = new HashSet<>();
        inserted.forEach(bid -> fresh.add(key(bid.lotId(), bid.seq())));
        List<BidAccepted> repeated = bids.stream().filter(bid -> !fresh.contains(key(bid.lotId(), bid.seq())))
                .toList();
        if (repeated.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple keys = Tuple.of(repeated.stream().map(BidAccepted::lotId).toArray(UUID[]::new),
                repeated.stream().map(BidAccepted::seq).toArray(Long[]::new));
        return transaction.preparedQuery(LOGGED).execute(keys).invoke(rows -> {
            Map<String, Row> logged = new HashMap<>();
            rows.forEach(row -> logged.put(key(row.getUUID("lot_id"), row.getLong("seq")), row));
            for (BidAccepted bid : repeated) {
                Row row = logged.get(key(bid.lotId(), bid.seq()));
                if (row != null && (!row.getUUID("bidder_id").equals(bid.bidderId())
                        || row.getLong("price") != bid.price())) {
                    Log.errorf("lot %s: bid %d logged as %s at %d but relayed as %s at %d; the bid log kept the "
                            + "first", bid.lotId(), bid.seq(), row.getUUID("bidder_id"), row.getLong("price"),
                            bid.bidderId(), bid.price());
                }
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> insertRaises(SqlConnection transaction, List<MaximumRaised> raises) {
        if (raises.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple parameters = Tuple.of(raises.stream().map(MaximumRaised::lotId).toArray(UUID[]::new),
                raises.stream().map(MaximumRaised::bidderId).toArray(UUID[]::new),
                raises.stream().map(MaximumRaised::afterSeq).toArray(Long[]::new),
                raises.stream().map(MaximumRaised::maximum).toArray(Long[]::new),
                raises.stream().map(raise -> utc(raise.raisedAt())).toArray(OffsetDateTime[]::new));
        return transaction.preparedQuery(INSERT_RAISES).execute(parameters).replaceWithVoid();
    }

    private static String key(UUID lot, long seq) {
        return lot + "/" + seq;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
        if (bid.lotId() == null || bid.seq() <= 0 || bid.bidderId() == null || bid.leaderId() == null
                || bid.kind() == null || bid.endsAt() == null || bid.acceptedAt() == null) {
            throw new IllegalArgumentException("BidAccepted without its lot, seq, bidders, kind or times");
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
