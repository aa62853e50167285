package dev.moa.money.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The read models' lag, as metrics:
 * <ul>
 * <li>{@code moa.projection.pending.records}: records of {@code money.events} on this instance's partitions that the
 * projection consumer has not read yet (end offset − position), measured on the consumer's polling thread;</li>
 * <li>{@code moa.projection.lag.seconds}: 0 while nothing is pending; otherwise now − occurredAt of the last event this
 * instance applied (or − its start, if it applied none yet), i.e. at least how old the data shown by the reports
 * is.</li>
 * </ul>
 * Measured every {@code moa.projections.lag-check}; -1 records until the first measurement succeeds.
 */
@Singleton
public class ProjectionLag {

    private final KafkaClientService kafka;
    private final MeterRegistry registry;
    private final Instant startedAt = Instant.now();
    private final AtomicReference<Instant> lastOccurredAt = new AtomicReference<>();
    private final AtomicLong pending = new AtomicLong(-1);

    public ProjectionLag(KafkaClientService kafka, MeterRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    void register(@Observes StartupEvent start) {
        Gauge.builder("moa.projection.lag.seconds", this, ProjectionLag::seconds)
                .description("0 when the report projections have read all of money.events, else seconds since the "
                        + "last applied event occurred").baseUnit("seconds").register(registry);
        Gauge.builder("moa.projection.pending.records", pending, AtomicLong::get)
                .description("records of money.events the report projections have not read yet").register(registry);
    }

    void applied(Instant occurredAt) {
        lastOccurredAt.accumulateAndGet(occurredAt, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    /** The lag in seconds, as the gauge reports it. */
    public double seconds() {
        long records = pending.get();
        if (records == 0) {
            return 0;
        }
        Instant since = lastOccurredAt.get() == null ? startedAt : lastOccurredAt.get();
        return Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    /** Records not read yet, or -1 before the first measurement. */
    public long pendingRecords() {
        return pending.get();
    }

    @Scheduled(every = "${moa.projections.lag-check:5s}", delayed = "${moa.projections.lag-check:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        KafkaConsumer<Object, Object> consumer = consumer();
        if (consumer == null) {
            return Uni.createFrom().voidItem();
        }
        return consumer.runOnPollingThread(client -> {
            Set<TopicPartition> assigned = client.assignment();
            Map<TopicPartition, Long> ends = client.endOffsets(assigned, Duration.ofSeconds(2));
            long behind = 0;
            for (TopicPartition partition : assigned) {
                behind += Math.max(0, ends.getOrDefault(partition, 0L) - client.position(partition,
                        Duration.ofSeconds(2)));
            }
            return behind;
        }).invoke(pending::set).onFailure().invoke(e -> Log.debugf("projection lag not measured: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private KafkaConsumer<Object, Object> consumer() {
        try {
            return kafka.getConsumer(MoneyEventsProjector.CHANNEL);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
