package dev.moa.auction.live;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Redis connection per event loop, shared by every command sent from that loop, so that the commands of many
 * requests are pipelined on it. The bid script runs through here.
 * <p>
 * The pooled client lends a connection to one command at a time: 200 bidders on a hot lot kept its connections each
 * doing one round trip after another, and Redis and the service paid a wake-up and a read per command. Pipelined, a
 * read brings several commands to Redis and several answers back. Each answer is handed back to the context of the
 * request that sent it (a task on that request's event loop), where the request's own work goes on.
 * <p>
 * A loop's connection is leased from the client's pool on the loop's first command, asked for on the loop's root
 * context (not the first request's), and kept: it counts against {@code quarkus.redis.max-pool-size}. A connection
 * that fails or ends is dropped, and the next command on that loop leases another. The commands in flight on it
 * fail, as they would on a pooled connection; a bidder retries with the same Idempotency-Key. Off an event loop, or
 * while {@link #MAX_IN_FLIGHT} commands wait on the loop's connection, a command takes the pool as before. On Redis
 * Cluster the connection routes each command by its keys, as the pool does.
 * <p>
 * It speaks Vert.x futures, not Mutiny: on the bid path every Mutiny operator captured and restored the request's
 * context (context propagation), which cost more than the command itself.
 */
@ApplicationScoped
public class LoopConnections {

    /** Commands waiting on one connection before more take the pool (below the client's waiting-handlers limit). */
    static final int MAX_IN_FLIGHT = 1_000;

    /** Quarkus' client (with its metrics), without the Mutiny layer. */
    private final Redis redis;
    private final Map<Thread, Lane> lanes = new ConcurrentHashMap<>();

    public LoopConnections(ReactiveRedisDataSource redis) {
        this.redis = redis.getRedis().getDelegate();
    }

    /**
     * Sends the command on this event loop's connection, or through the pool off a loop or when the connection is
     * full. On a loop, the answer comes on the caller's context.
     */
    public Future<Response> send(Request command) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return redis.send(command);
        }
        Thread loop = Thread.currentThread();
        Lane lane = lanes.computeIfAbsent(loop, key -> open(key, context));
        if (lane.inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            lane.inFlight.decrementAndGet();
            return backOn(context, redis.send(command));
        }
        return backOn(context, lane.connection.compose(connection -> connection.send(command))
                .onComplete(sent -> lane.inFlight.decrementAndGet()));
    }

    /** The number of kept (or coming) connections; one per event loop that sent a command. */
    int lanes() {
        return lanes.size();
    }

    /** The answer handed back to the caller's context: it arrives on the connection's, and the request goes on. */
    private static <T> Future<T> backOn(Context context, Future<T> answer) {
        Promise<T> back = Promise.promise();
        answer.onComplete(result -> context.runOnContext(ignored -> back.handle(result)));
        return back.future();
    }

    private Lane open(Thread loop, Context context) {
        Context root = VertxContext.getRootContext(context);
        Lane lane = new Lane();
        Promise<RedisConnection> opened = Promise.promise();
        lane.connection = opened.future()
                .onSuccess(connection -> {
                    lane.opened = connection;
                    connection.exceptionHandler(failure -> drop(loop, lane, failure));
                    connection.endHandler(ended -> drop(loop, lane, null));
                })
                .onFailure(failure -> drop(loop, lane, failure));
        root.runOnContext(ignored -> redis.connect().onComplete(opened));
        return lane;
    }

    private void drop(Thread loop, Lane lane, Throwable failure) {
        if (lanes.remove(loop, lane)) {
            Log.warnf("Redis connection of %s dropped, the next command leases another: %s", loop.getName(),
                    failure == null ? "closed" : failure.getMessage());
            lane.close();
        }
    }

    @PreDestroy
    void closeAll() {
        lanes.values().forEach(Lane::close);
        lanes.clear();
    }

    /** A loop's connection (opened once, shared by every command) and how many commands wait on it. */
    private static final class Lane {
        final AtomicInteger inFlight = new AtomicInteger();
        volatile Future<RedisConnection> connection;
        volatile RedisConnection opened;

        void close() {
            RedisConnection open = opened;
            if (open != null) {
                open.close();
            }
        }
    }
}
