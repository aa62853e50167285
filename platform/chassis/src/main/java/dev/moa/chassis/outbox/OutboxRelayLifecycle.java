package dev.moa.chassis.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs this instance's {@link OutboxRelay} from start to shutdown and wakes it on PostgreSQL {@code NOTIFY moa_outbox}
 * (sent at the commit of every transaction that wrote the outbox), with the relay's short poll as the fallback.
 */
@ApplicationScoped
public class OutboxRelayLifecycle {

    private static final String CHANNEL = "moa_outbox";

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final MeterRegistry meters;
    private final String bootstrapServers;
    private final String applicationName;
    private final String databaseUrl;
    private final Optional<String> databaseUser;
    private final Optional<String> databasePassword;

    private OutboxRelay relay;
    private PgSubscriber subscriber;

    public OutboxRelayLifecycle(Pool pool, Vertx vertx, OutboxConfig config, MeterRegistry meters,
                                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                @ConfigProperty(name = "quarkus.application.name") String applicationName,
                                @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
                                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> databaseUser,
                                @ConfigProperty(name = "quarkus.datasource.password")
                                Optional<String> databasePassword) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.meters = meters;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
        this.databaseUrl = databaseUrl;
        this.databaseUser = databaseUser;
        this.databasePassword = databasePassword;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            Log.info("outbox relay disabled on this instance");
            return;
        }
        relay = newRelay("moa-outbox-" + applicationName);
        FunctionCounter.builder("moa.outbox.published", relay, OutboxRelay::publishedCount)
                .description("Outbox events published to Kafka").register(meters);
        FunctionCounter.builder("moa.outbox.failures", relay, OutboxRelay::failureCount)
                .description("Outbox batches that failed and were retried").register(meters);
        relay.start("moa-outbox-relay");
        listen();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        if (relay != null) {
            relay.close();
        }
    }

    /** A relay of its own over this service's outbox, with its own Kafka producer named {@code clientId}. */
    public OutboxRelay newRelay(String clientId) {
        return new OutboxRelay(pool, () -> createProducer(bootstrapServers, clientId, config.sendTimeout()), config,
                "/moa/" + applicationName);
    }

    /** This instance's relay, or {@code null} when disabled. */
    public OutboxRelay relay() {
        return relay;
    }

    /**
     * An idempotent producer that keeps per-partition order across retries and waits for every in-sync replica: the
     * one for any relay that must not lose or reorder what it publishes (the outbox relay, auction's bid relay).
     */
    public static Producer<String, byte[]> createProducer(String bootstrapServers, String clientId, Duration sendTimeout) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(15_000, sendTimeout.toMillis()));
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    private void listen() {
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl);
        databaseUser.ifPresent(options::setUser);
        databasePassword.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> Math.min(10_000L, 200L * (attempt + 1)));
        subscriber.channel(CHANNEL).handler(payload -> relay.wake());
        subscriber.connect().subscribe().with(
                connected -> Log.debug("outbox relay listening for notifications"),
                failure -> Log.warnf("outbox relay polls only, LISTEN failed: %s", failure.getMessage()));
    }
}
