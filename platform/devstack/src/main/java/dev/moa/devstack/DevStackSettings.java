package dev.moa.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the stack should start and where. Every server can be replaced by an external one through the same
 * environment variables the services read ({@code MOA_KAFKA_BOOTSTRAP_SERVERS}, {@code MOA_DB_HOST} …,
 * {@code MOA_REDIS_URL}); an external server is then used as it is and not started.
 *
 * @param dataDir             where data is kept between runs; {@code null} means a throw-away temporary folder
 * @param kafkaPort           broker port, 0 for a free one
 * @param kafkaControllerPort KRaft controller port, 0 for a free one
 * @param postgresPort        PostgreSQL port, 0 for a free one
 * @param redisPort           Redis port, 0 for a free one
 * @param externalKafka       bootstrap servers of an external broker, if any
 * @param externalPostgres    an external PostgreSQL server, if any
 * @param externalRedis       URL of an external Redis ({@code redis://host:port}), if any
 */
public record DevStackSettings(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int redisPort,
        Optional<String> externalKafka,
        Optional<ExternalPostgres> externalPostgres,
        Optional<String> externalRedis) {

    public static final String KAFKA_ENV = "MOA_KAFKA_BOOTSTRAP_SERVERS";
    public static final String DB_HOST_ENV = "MOA_DB_HOST";
    public static final String DB_PORT_ENV = "MOA_DB_PORT";
    public static final String DB_USER_ENV = "MOA_DB_USER";
    public static final String DB_PASSWORD_ENV = "MOA_DB_PASSWORD";
    public static final String REDIS_ENV = "MOA_REDIS_URL";

    /** Fixed local ports of {@code ./moa up}, chosen away from the usual ones so a machine's own servers never clash. */
    public static final int LOCAL_KAFKA_PORT = 19092;
    public static final int LOCAL_KAFKA_CONTROLLER_PORT = 19093;
    public static final int LOCAL_POSTGRES_PORT = 15432;
    public static final int LOCAL_REDIS_PORT = 16379;
    /** The SMTP sink of {@code ./moa up} (not started when {@value #SMTP_HOST_ENV} names a mail server). */
    public static final int LOCAL_SMTP_PORT = 11025;
    public static final String SMTP_HOST_ENV = "MOA_SMTP_HOST";

    /** A PostgreSQL server that is not ours to start. */
    public record ExternalPostgres(String host, int port, String user, String password) {
    }

    /** Throw-away stack on free ports, for one test JVM, honouring external servers named in {@code env}. */
    public static DevStackSettings ephemeral(Map<String, String> env) {
        return new DevStackSettings(null, 0, 0, 0, 0,
                value(env, KAFKA_ENV), externalPostgres(env), value(env, REDIS_ENV));
    }

    /** The local stack of {@code ./moa up}: fixed ports, data kept under {@code dataDir}. */
    public static DevStackSettings persistent(Path dataDir, Map<String, String> env) {
        return new DevStackSettings(dataDir, LOCAL_KAFKA_PORT, LOCAL_KAFKA_CONTROLLER_PORT, LOCAL_POSTGRES_PORT,
                LOCAL_REDIS_PORT, value(env, KAFKA_ENV), externalPostgres(env), value(env, REDIS_ENV));
    }

    public boolean persistentData() {
        return dataDir != null;
    }

    private static Optional<ExternalPostgres> externalPostgres(Map<String, String> env) {
        return value(env, DB_HOST_ENV).map(host -> new ExternalPostgres(host,
                Integer.parseInt(env.getOrDefault(DB_PORT_ENV, "5432")),
                env.getOrDefault(DB_USER_ENV, "postgres"),
                env.getOrDefault(DB_PASSWORD_ENV, "")));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
