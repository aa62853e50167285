package dev.moa.auction.live;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live updates of lots for SSE watchers: one Redis subscription per lot on this instance, shared by all its
 * watchers and dropped when the last one leaves. A watcher gets the lot's snapshot only once the Redis subscription is
 * active and the watcher is listening to it, so no update published after the snapshot was read is missed (one
 * published in between may come after the snapshot it is already part of: updates carry the sequence). Each watcher
 * has a small buffer of its own; a watcher that falls further behind than that is disconnected rather than buffered
 * without bound (it can reconnect and read the lot).
 */
@ApplicationScoped
public class LiveFeeds {

    /** Updates a watcher may lag behind before it is dropped. */
    public static final int WATCHER_BUFFER = 64;

    private final ReactiveRedisDataSource redis;
    private final ConcurrentMap<UUID, Feed> feeds = new ConcurrentHashMap<>();

    public LiveFeeds(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** {@code snapshot} (read once the lot's updates are listened to), then the lot's updates (JSON text). */
    public Multi<String> watch(UUID lot, Uni<String> snapshot) {
        return Multi.createFrom().<String>emitter(emitter -> new Watcher(join(lot), emitter).start(snapshot),
                WATCHER_BUFFER);
    }

    /** How many lots this instance holds a Redis subscription for. */
    public int subscriptions() {
        return feeds.size();
    }

    private Feed join(UUID lot) {
        return feeds.compute(lot, (id, feed) -> {
            Feed joined = feed == null ? new Feed(id) : feed;
            joined.watchers++;
            return joined;
        });
    }

    private void leave(Feed feed) {
        feeds.computeIfPresent(feed.lot, (id, current) -> {
            if (current != feed || --current.watchers > 0) {
                return current;
            }
            current.close();
            return null;
        });
    }

    /** One lot's Redis subscription on this instance: what it hears goes to every watcher listening. */
    private final class Feed {

        final UUID lot;
        final BroadcastProcessor<String> updates = BroadcastProcessor.create();
        final Uni<ReactiveRedisSubscriber> subscribed;
        int watchers; // changed only inside the map's compute functions

        Feed(UUID lot) {
            this.lot = lot;
            // If the subscription ends (Redis gone), its watchers end too and reconnect to a new one.
            this.subscribed = redis.pubsub(String.class).subscribe(LotKeys.channel(lot), updates::onNext,
                            () -> end(null), this::end)
                    .onFailure().invoke(this::end)
                    .memoize().indefinitely();
        }

        private void end(Throwable failure) {
            feeds.remove(lot, this);
            if (failure == null) {
                updates.onComplete();
            } else {
                updates.onError(failure);
            }
        }

        void close() {
            subscribed.chain(ReactiveRedisSubscriber::unsubscribe).subscribe().with(
                    done -> updates.onComplete(),
                    e -> Log.debugf("lot %s: the live subscription did not close cleanly: %s", lot, e.getMessage()));
        }
    }

    /** One SSE watcher: updates that arrive before its snapshot is sent wait, in order, behind it. */
    private final class Watcher {

        private final Feed feed;
        private final MultiEmitter<? super String> emitter;
        private final Deque<String> early = new ArrayDeque<>();
        private boolean snapshotSent;
        private Cancellable listening;

        Watcher(Feed feed, MultiEmitter<? super String> emitter) {
            this.feed = feed;
            this.emitter = emitter;
        }

        void start(Uni<String> snapshot) {
            emitter.onTermination(this::stop);
            feed.subscribed
                    .invoke(() -> listening = feed.updates.subscribe().with(this::update, emitter::fail,
                            emitter::complete))
                    .chain(() -> snapshot)
                    .subscribe().with(this::snapshot, emitter::fail);
        }

        private void update(String update) {
            synchronized (this) {
                if (!snapshotSent) {
                    if (early.size() >= WATCHER_BUFFER) {
                        emitter.fail(new IllegalStateException("a watcher fell behind the lot's updates"));
                    } else {
                        early.add(update);
                    }
                    return;
                }
            }
            emitter.emit(update);
        }

        private synchronized void snapshot(String snapshot) {
            emitter.emit(snapshot);
            early.forEach(emitter::emit);
            early.clear();
            snapshotSent = true;
        }

        private void stop() {
            Cancellable current = listening;
            if (current != null) {
                current.cancel();
            }
            leave(feed);
        }
    }
}
