package dev.moa.devstack;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real Kafka, PostgreSQL and Redis on 127.0.0.1, without Docker, plus the token keys. Tests get one throw-away stack
 * per JVM on free ports ({@link DevStackResource}); {@code ./moa up} runs one with fixed ports and kept data
 * ({@link DevStackMain}). A server named by an environment variable is used instead of being started.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevStack.class);

    private final KafkaServer kafka;
    private final PostgresServer postgres;
    private final RedisServer redis;
    private final TokenKeys tokenKeys;
    private final Path scratchDir;

    private DevStack(KafkaServer kafka, PostgresServer postgres, RedisServer redis, TokenKeys tokenKeys,
                     Path scratchDir) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
        this.tokenKeys = tokenKeys;
        this.scratchDir = scratchDir;
    }

    /** Starts what the settings ask for; on any failure, stops what had started and rethrows. */
    public static DevStack start(DevStackSettings settings) {
        long started = System.nanoTime();
        Path scratch = settings.persistentData() ? null : createScratchDir();
        Path keysDir = settings.persistentData() ? settings.dataDir().resolve("keys") : scratch.resolve("keys");
        PostgresServer postgres = null;
        RedisServer redis = null;
        try {
            postgres = PostgresServer.start(settings);
            postgres.createDatabases(ServiceDatabases.ALL);
            redis = RedisServer.start(settings);
            KafkaServer kafka = KafkaServer.start(settings);
            DevStack stack = new DevStack(kafka, postgres, redis, TokenKeys.loadOrCreate(keysDir), scratch);
            LOG.infof("devstack up in %d ms: kafka %s, postgres %s:%d, redis %s", (System.nanoTime() - started) / 1_000_000,
                    kafka.bootstrapServers(), postgres.host(), postgres.port(), redis.url());
            return stack;
        } catch (RuntimeException e) {
            closeQuietly(redis);
            closeQuietly(postgres);
            KafkaServer.deleteTree(scratch);
            throw e;
        }
    }

    private static Path createScratchDir() {
        try {
            return Files.createTempDirectory("moa-devstack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public RedisServer redis() {
        return redis;
    }

    public TokenKeys tokenKeys() {
        return tokenKeys;
    }

    /** The Quarkus configuration that points a service at this stack and its own {@code database}. */
    public Map<String, String> quarkusConfig(String database) {
        postgres.createDatabases(java.util.List.of(database));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("quarkus.redis.hosts", redis.url());
        config.put("mp.jwt.verify.publickey.location", tokenKeys.jwksFile().toString());
        config.put("mp.jwt.verify.issuer", TokenKeys.ISSUER);
        config.put("smallrye.jwt.sign.key.location", tokenKeys.privateKeyFile().toString());
        config.put("moa.token.key-id", tokenKeys.keyId());
        return config;
    }

    /** The {@code MOA_*} environment that points the packaged services at this stack. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DevStackSettings.KAFKA_ENV, kafka.bootstrapServers());
        env.put(DevStackSettings.DB_HOST_ENV, postgres.host());
        env.put(DevStackSettings.DB_PORT_ENV, Integer.toString(postgres.port()));
        env.put(DevStackSettings.DB_USER_ENV, postgres.user());
        env.put(DevStackSettings.DB_PASSWORD_ENV, postgres.password());
        env.put(DevStackSettings.REDIS_ENV, redis.url());
        env.put("MOA_JWT_PUBLIC_KEY_LOCATION", tokenKeys.jwksFile().toAbsolutePath().toString());
        env.put("MOA_JWT_SIGN_KEY_LOCATION", tokenKeys.privateKeyFile().toAbsolutePath().toString());
        env.put("MOA_JWT_KEY_ID", tokenKeys.keyId());
        env.put("MOA_JWT_ISSUER", TokenKeys.ISSUER);
        return env;
    }

    @Override
    public void close() {
        closeQuietly(kafka);
        closeQuietly(redis);
        closeQuietly(postgres);
        KafkaServer.deleteTree(scratchDir);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warnf("could not stop %s: %s", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }
}
