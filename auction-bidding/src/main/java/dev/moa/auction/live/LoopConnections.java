package dev.moa.auction.live;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
 */
@ApplicationScoped
public class LoopConnections {

    /** Commands waiting on one connection before more take the pool (below the client's waiting-handlers limit). */
    static final int MAX_IN_FLIGHT = 1_000;

    private final ReactiveRedisDataSource redis;
    private final Map<Thread, Lane> lanes = new ConcurrentHashMap<>();

    public LoopConnections(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Sends the command on this event loop's connection, or through {@code pooled} off a loop or when it is full. */
    public Uni<Response> send(Request command, Supplier<Uni<Response>> pooled) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return pooled.get();
        }
        Thread loop = Thread.currentThread();
        Lane lane = lanes.computeIfAbsent(loop, key -> open(key, context));
        if (lane.inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            lane.inFlight.decrementAndGet();
            return pooled.get();
        }
        return lane.connection.chain(connection -> connection.send(command))
                .onTermination().invoke(lane.inFlight::decrementAndGet)
                // The answer arrives on the connection's context; the request goes on on its own.
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** The number of kept (or coming) connections; one per event loop that sent a command. */
    int lanes() {
        return lanes.size();
    }

    private Lane open(Thread loop, Context context) {
        Context root = VertxContext.getRootContext(context);
        Lane lane = new Lane();
        lane.connection = Uni.createFrom().<RedisConnection>emitter(emitter -> root.runOnContext(ignored ->
                        redis.getRedis().connect().subscribe().with(emitter::complete, emitter::fail)))
                .invoke(connection -> {
                    lane.opened = connection;
                    connection.exceptionHandler(failure -> drop(loop, lane, failure));
                    connection.endHandler(() -> drop(loop, lane, null));
                })
                .onFailure().invoke(failure -> drop(loop, lane, failure))
                .memoize().indefinitely();
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

    /** A loop's connection (opened once, shared by every subscriber) and how many commands wait on it. */
    private static final class Lane {
        final AtomicInteger inFlight = new AtomicInteger();
        volatile Uni<RedisConnection> connection;
        volatile RedisConnection opened;

        void close() {
            RedisConnection open = opened;
            if (open != null) {
                open.close().subscribe().with(done -> { }, failure -> { });
            }
        }
    }
}
