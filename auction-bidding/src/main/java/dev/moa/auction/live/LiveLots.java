package dev.moa.auction.live;

import dev.moa.auction.AuctionConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import dev.moa.events.auction.MaximumRaised;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The live side of lots, in Redis: the bid, close, load and cancel scripts, and the bidders' approved limits. Nothing
 * here touches PostgreSQL, so a bid costs one Redis round trip.
 */
@ApplicationScoped
public class LiveLots {

    static final LuaScript BID = LuaScript.load("bid");
    static final LuaScript CLOSE = LuaScript.load("close");
    static final LuaScript LOAD = LuaScript.load("load");
    static final LuaScript CANCEL = LuaScript.load("cancel");
    /** Stream entries read per round trip when looking for the last bid. */
    private static final int TAIL_PAGE = 100;

    private final ReactiveRedisDataSource redis;
    private final LoopConnections connections;
    private final String idempotencyTtl;

    public LiveLots(ReactiveRedisDataSource redis, LoopConnections connections, AuctionConfig config) {
        this.redis = redis;
        this.connections = connections;
        this.idempotencyTtl = Long.toString(config.bids().idempotencyTtl().toMillis());
    }

    /**
     * Runs the bid script, pipelined with the other bids of this event loop ({@link LoopConnections}); its raw answer
     * (see {@code lua/bid.lua}).
     */
    public Future<String> bid(UUID lot, UUID bidder, String kind, long amount, String key, String fingerprint) {
        return BID.run(connections, List.of(LotKeys.state(lot), LotKeys.limits(lot), LotKeys.maxima(lot),
                        LotKeys.stream(lot), LotKeys.idempotency(lot, bidder, key)),
                List.of(bidder.toString(), kind, Long.toString(amount), fingerprint, idempotencyTtl,
                        LotKeys.channel(lot)));
    }

    public Uni<Closing> close(UUID lot) {
        return CLOSE.run(redis, List.of(LotKeys.state(lot), LotKeys.limits(lot)), List.of(LotKeys.channel(lot)))
                .map(Closing::parse);
    }

    /**
     * Loads the state unless present, with the bidders' best bids ({@code maxima}, shown to each bidder as their
     * maximum), and names the lot for the relay; whether it was loaded.
     */
    public Uni<Boolean> load(LiveState state, Map<UUID, Long> maxima) {
        List<String> fields = state.fields();
        List<String> arguments = new ArrayList<>(1 + fields.size() + 2 * maxima.size());
        arguments.add(Integer.toString(fields.size()));
        arguments.addAll(fields);
        maxima.forEach((bidder, best) -> {
            arguments.add(bidder.toString());
            arguments.add(Long.toString(best));
        });
        return LOAD.run(redis, List.of(LotKeys.state(state.lotId()), LotKeys.stream(state.lotId()),
                        LotKeys.maxima(state.lotId())), arguments)
                .chain(answer -> redis.execute("SADD", LotKeys.LIVE_LOTS, state.lotId().toString())
                        .replaceWith("LOADED".equals(answer)));
    }

    /** Cancels the live lot: CANCELED, CLOSED (too late) or NO_STATE. */
    public Uni<String> cancel(UUID lot) {
        return CANCEL.run(redis, List.of(LotKeys.state(lot)), List.of(LotKeys.channel(lot)));
    }

    /**
     * The last accepted bid still in the lot's stream (none if none) and the raises of a maximum streamed after it.
     * Read backwards a page at a time: only raises can follow the last bid, and only while that bid's leader leads.
     */
    public Uni<LotTail> streamedTail(UUID lot) {
        return streamedTail(lot, "+", new ArrayList<>());
    }

    private Uni<LotTail> streamedTail(UUID lot, String end, List<MaximumRaised> raises) {
        return redis.execute("XREVRANGE", LotKeys.stream(lot), end, "-", "COUNT", Integer.toString(TAIL_PAGE))
                .chain(entries -> {
                    int count = entries == null ? 0 : entries.size();
                    for (int i = 0; i < count; i++) {
                        Map<String, String> entry = fields(entries.get(i).get(1));
                        if (!StreamedBid.isRaise(entry)) {
                            return Uni.createFrom().item(new LotTail(List.of(StreamedBid.toBid(lot, entry)), raises));
                        }
                        raises.add(StreamedBid.toRaise(lot, entry));
                    }
                    return count < TAIL_PAGE ? Uni.createFrom().item(new LotTail(List.of(), raises))
                            // exclusive: from the entry before the last one read
                            : streamedTail(lot, "(" + entries.get(count - 1).get(0).toString(), raises);
                });
    }

    private static Map<String, String> fields(Response fields) {
        Map<String, String> entry = new HashMap<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            entry.put(fields.get(i).toString(), fields.get(i + 1).toString());
        }
        return entry;
    }

    /** Lets {@code bidder} bid up to {@code limit} (their approved, held limit). */
    public Uni<Void> approveLimit(UUID lot, UUID bidder, long limit) {
        return redis.execute("HSET", LotKeys.limits(lot), bidder.toString(), Long.toString(limit)).replaceWithVoid();
    }

    /** What a watcher sees of the lot now, and {@code member}'s own best bid; {@code null} without live state. */
    public Uni<Snapshot> snapshot(UUID lot, UUID member) {
        return redis.execute("HMGET", LotKeys.state(lot), "status", "price", "seq", "endsAt", "extensions", "leader",
                        "leaderMax", "reserve", "inc")
                .chain(state -> state == null || state.get(0) == null ? Uni.createFrom().nullItem()
                        : redis.execute("HGET", LotKeys.maxima(lot), member.toString())
                        .map(mine -> snapshot(state, mine)));
    }

    private static Snapshot snapshot(Response state, Response mine) {
        Long reserve = state.get(7) == null ? null : state.get(7).toLong();
        long leaderMax = state.get(6).toLong();
        long seq = state.get(2).toLong();
        return new Snapshot(state.get(0).toString(), state.get(1).toLong(), seq,
                Instant.ofEpochMilli(state.get(3).toLong()), state.get(4).toInteger(),
                state.get(5).toString().isEmpty() ? null : UUID.fromString(state.get(5).toString()),
                reserve == null ? null : seq > 0 && leaderMax >= reserve, state.get(8).toString(),
                mine == null ? null : mine.toLong());
    }

    /** A lot's live figures; {@code reserveMet} is absent for a lot without a reserve. */
    public record Snapshot(String status, long price, long bidCount, Instant endsAt, int extensions, UUID leaderId,
                           Boolean reserveMet, String increments, Long yourMaximum) {
    }
}
