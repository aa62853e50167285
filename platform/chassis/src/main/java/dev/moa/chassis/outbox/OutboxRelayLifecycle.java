package dev.moa.chassis.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs this instance's {@link OutboxRelay} from start to shutdown. Writers wake it through {@link #wake} (the
 * {@link Outbox} does on every append); the relay's poll finds what other instances wrote.
 */
@ApplicationScoped
public class OutboxRelayLifecycle {

    private final Pool pool;
    private final OutboxConfig config;
    private final MeterRegistry meters;
    private final String bootstrapServers;
    private final String applicationName;

    private final Set<OutboxRelay> woken = ConcurrentHashMap.newKeySet();
    private volatile OutboxRelay relay;

    public OutboxRelayLifecycle(Pool pool, OutboxConfig config, MeterRegistry meters,
                                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.pool = pool;
        this.config = config;
        this.meters = meters;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
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
    }

    void onStop(@Observes ShutdownEvent event) {
        woken.forEach(OutboxRelay::close);
    }

    /**
     * A relay of its own over this service's outbox, with its own Kafka producer named {@code clientId}; {@link #wake}
     * wakes it too.
     */
    public OutboxRelay newRelay(String clientId) {
        OutboxRelay created = new OutboxRelay(pool,
                () -> createProducer(bootstrapServers, clientId, config.sendTimeout()), config, "/moa/" + applicationName);
        woken.add(created);
        return created;
    }

    /**
     * Tells this instance's relays (normally one) that an event was just appended, so that they publish it within
     * milliseconds of the commit rather than at their next poll.
     */
    public void wake() {
        for (OutboxRelay each : woken) {
            each.wake();
        }
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

}
