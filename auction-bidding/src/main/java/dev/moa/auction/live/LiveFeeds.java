package dev.moa.auction.live;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live updates of lots for SSE watchers. The instance holds one Redis subscription, to the pattern of every lot's
 * channel, on one connection (however many lots are watched, so watchers never take connections from the bidding
 * pool), and hands each update to the watchers of its lot. A watcher gets the lot's snapshot only once that
 * subscription is active and the watcher is listening, so no update published after the snapshot was read is missed
 * (one published in between may come after the snapshot it is already part of: updates carry the sequence). Each
 * watcher has a small buffer of its own; a watcher that falls further behind than that is disconnected rather than
 * buffered without bound (it can reconnect and read the lot). If Redis ends the subscription, every watcher is ended
 * and the next one subscribes again.
 */
@ApplicationScoped
public class LiveFeeds {

    /** Updates a watcher may lag behind before it is dropped. */
    public static final int WATCHER_BUFFER = 64;
    /**
     * How long one attempt to subscribe may wait for Redis' confirmation, and how many attempts are made. The
     * confirmation is sometimes lost in the Redis client ("No handler waiting for message: [psubscribe, ...]", seen
     * when the first subscription of an instance is made while many requests arrive at once), and the attempt then
     * never completes; a new attempt, on a new connection, does.
     */
    private static final Duration SUBSCRIBE_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final int SUBSCRIBE_ATTEMPTS = 5;

    private final ReactiveRedisDataSource redis;
    private final ConcurrentMap<UUID, Feed> feeds = new ConcurrentHashMap<>();
    private Uni<ReactiveRedisSubscriber> subscription; // guarded by this
    private volatile Object inUse; // the subscription attempt whose callbacks act

    public LiveFeeds(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** {@code snapshot} (read once the lot's updates are listened to), then the lot's updates (JSON text). */
    public Multi<String> watch(UUID lot, Uni<String> snapshot) {
        return Multi.createFrom().<String>emitter(emitter -> new Watcher(join(lot), emitter).start(snapshot),
                WATCHER_BUFFER);
    }

    /** How many lots this instance has watchers of. */
    public int subscriptions() {
        return feeds.size();
    }

    private synchronized Uni<ReactiveRedisSubscriber> subscription() {
        if (subscription == null) {
            Uni<ReactiveRedisSubscriber> subscribing = Uni.createFrom().deferred(this::attempt)
                    .onFailure(TimeoutException.class).retry().atMost(SUBSCRIBE_ATTEMPTS - 1)
                    .onFailure().invoke(this::ended)
                    .memoize().indefinitely();
            subscription = subscribing;
        }
        return subscription;
    }

    /**
     * One attempt to subscribe. Its callbacks act only once it is the attempt in use, so an abandoned attempt that
     * Redis confirms after all neither delivers updates twice nor ends the subscription in use.
     */
    private Uni<ReactiveRedisSubscriber> attempt() {
        Object attempt = new Object();
        return redis.pubsub(String.class)
                .subscribeToPattern(LotKeys.CHANNELS,
                        (channel, update) -> {
                            if (inUse == attempt) {
                                route(channel, update);
                            }
                        },
                        () -> {
                            if (inUse == attempt) {
                                ended(null);
                            }
                        },
                        failure -> {
                            if (inUse == attempt) {
                                ended(failure);
                            }
                        })
                .ifNoItem().after(SUBSCRIBE_ATTEMPT_TIMEOUT).fail()
                .onFailure(TimeoutException.class).invoke(() -> Log.warn(
                        "live lot updates: Redis did not confirm the subscription in time, subscribing again"))
                .invoke(() -> inUse = attempt);
    }

    private void route(String channel, String update) {
        UUID lot = LotKeys.lotOfChannel(channel);
        Feed feed = lot == null ? null : feeds.get(lot);
        if (feed != null) {
            feed.updates.onNext(update);
        }
    }

    /** The subscription ended (Redis closed it, or it failed): its watchers end too, the next one subscribes anew. */
    private void ended(Throwable failure) {
        Uni<ReactiveRedisSubscriber> ended;
        synchronized (this) {
            ended = subscription;
            subscription = null;
        }
        if (failure != null) {
            Log.warnf("live lot updates: the Redis subscription ended, watchers reconnect: %s", failure.getMessage());
        }
        feeds.values().forEach(feed -> {
            if (feeds.remove(feed.lot, feed)) {
                if (failure == null) {
                    feed.updates.onComplete();
                } else {
                    feed.updates.onError(failure);
                }
            }
        });
        if (ended != null && failure != null) {
            ended.chain(ReactiveRedisSubscriber::unsubscribe).subscribe().with(done -> { },
                    e -> Log.debugf("live lot updates: the failed subscription did not close cleanly: %s",
                            e.getMessage()));
        }
    }

    private Feed join(UUID lot) {
        return feeds.compute(lot, (id, feed) -> {
            Feed joined = feed == null ? new Feed(id) : feed;
            joined.watchers++;
            return joined;
        });
    }

    private void leave(Feed feed) {
        feeds.computeIfPresent(feed.lot, (id, current) -> current != feed || --current.watchers > 0 ? current : null);
    }

    /** The watchers of one lot on this instance. */
    private static final class Feed {

        final UUID lot;
        final BroadcastProcessor<String> updates = BroadcastProcessor.create();
        int watchers; // changed only inside the map's compute functions

        Feed(UUID lot) {
            this.lot = lot;
        }
    }

    /** One SSE watcher: updates that arrive before its snapshot is sent wait, in order, behind it. */
    private final class Watcher {

        private final Feed feed;
        private final MultiEmitter<? super String> emitter;
        private final Deque<String> early = new ArrayDeque<>();
        private boolean snapshotSent;
        private boolean stopped;
        private Cancellable listening;

        Watcher(Feed feed, MultiEmitter<? super String> emitter) {
            this.feed = feed;
            this.emitter = emitter;
        }

        void start(Uni<String> snapshot) {
            emitter.onTermination(this::stop);
            subscription()
                    .invoke(this::listen)
                    .chain(() -> snapshot)
                    .subscribe().with(this::snapshot, emitter::fail);
        }

        private void listen() {
            Cancellable subscribed = feed.updates.subscribe().with(this::update, emitter::fail, emitter::complete);
            synchronized (this) {
                if (!stopped) {
                    listening = subscribed;
                    return;
                }
            }
            subscribed.cancel(); // the watcher left while the subscription was being made
        }

        private void update(String update) {
            synchronized (this) {
                if (!snapshotSent) {
                    // The snapshot and everything early must fit the emitter's buffer together.
                    if (early.size() >= WATCHER_BUFFER - 1) {
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
            Cancellable current;
            synchronized (this) {
                stopped = true;
                current = listening;
            }
            if (current != null) {
                current.cancel();
            }
            leave(feed);
        }
    }
}
