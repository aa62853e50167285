package dev.moa.auction.live;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live updates of lots for SSE watchers: one Redis subscription per lot on this instance, shared by all its
 * watchers and dropped when the last one leaves. Each watcher has a small buffer of its own; a watcher that falls
 * further behind than that is disconnected rather than buffered without bound (it can reconnect and read the lot).
 */
@ApplicationScoped
public class LiveFeeds {

    /** Updates a watcher may lag behind before it is dropped. */
    public static final int WATCHER_BUFFER = 64;

    private final ReactiveRedisDataSource redis;
    private final ConcurrentMap<UUID, Multi<String>> feeds = new ConcurrentHashMap<>();

    public LiveFeeds(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** The lot's updates (JSON text, as the scripts publish them) from now on. */
    public Multi<String> watch(UUID lot) {
        return feeds.computeIfAbsent(lot, this::subscribe).onOverflow().buffer(WATCHER_BUFFER);
    }

    /** How many lots this instance holds a Redis subscription for. */
    public int subscriptions() {
        return feeds.size();
    }

    private Multi<String> subscribe(UUID lot) {
        return redis.pubsub(String.class).subscribe(LotKeys.channel(lot))
                .onTermination().invoke(() -> feeds.remove(lot))
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAllSubscribers();
    }
}
