package dev.moa.devstack;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real {@code redis-server} (the binary shipped in embedded-redis), or an external one used as it is. */
public final class RedisServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisServer.class);

    private final String externalUrl;
    private final int port;
    private final Path dataDir;
    private redis.embedded.RedisServer server;

    private RedisServer(String externalUrl, int port, Path dataDir) {
        this.externalUrl = externalUrl;
        this.port = port;
        this.dataDir = dataDir;
    }

    static RedisServer start(DevStackSettings settings) {
        if (settings.externalRedis().isPresent()) {
            LOG.infof("using external Redis at %s", settings.externalRedis().get());
            return new RedisServer(settings.externalRedis().get(), 0, null);
        }
        try {
            Path dataDir = settings.persistentData()
                    ? Files.createDirectories(settings.dataDir().resolve("redis"))
                    : null;
            RedisServer redis = new RedisServer(null, FreePorts.resolve(settings.redisPort()), dataDir);
            redis.startServer();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("Redis data directory", e);
        }
    }

    private synchronized void startServer() {
        FreePorts.requireFree(port, "Redis");
        try {
            var builder = redis.embedded.RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("protected-mode yes")
                    .onShutdownForceStop(true);
            if (dataDir != null) {
                // The append-only file keeps live auction state between runs, as in production.
                builder.setting("dir " + dataDir.toAbsolutePath())
                        .setting("appendonly yes")
                        .setting("appendfsync everysec");
            } else {
                builder.setting("save \"\"").setting("appendonly no");
            }
            server = builder.build();
            server.start();
            LOG.infof("Redis started on 127.0.0.1:%d", port);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
    }

    public boolean embedded() {
        return externalUrl == null;
    }

    public String url() {
        return embedded() ? "redis://127.0.0.1:" + port : externalUrl;
    }

    /** Stops the embedded server; for fault tests. */
    public synchronized void stop() {
        if (!embedded()) {
            throw new IllegalStateException("an external Redis is not ours to stop");
        }
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                LOG.warn("Redis did not stop cleanly", e);
            }
            server = null;
        }
    }

    /** Starts the embedded server again on the same port. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public synchronized void close() {
        if (embedded() && server != null) {
            stop();
        }
    }
}
