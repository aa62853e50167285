package dev.moa.chassis.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** The outbox relay's settings ({@code moa.outbox.*}). */
@ConfigMapping(prefix = "moa.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay. Several instances may run one at once; they take turns. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows claimed and published per transaction. */
    @WithDefault("200")
    @Min(1)
    @Max(10_000)
    int batchSize();

    /** How long the relay sleeps when there is nothing to publish (or another relay has the turn) and none woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** First pause after a failure (Kafka or PostgreSQL down); doubled on each failure in a row. */
    @WithDefault("200ms")
    Duration backoffInitial();

    /** Longest pause between attempts while a server is down. */
    @WithDefault("10s")
    Duration backoffMax();

    /**
     * How long a batch may wait for Kafka's acknowledgements (the producer's delivery timeout); the producer retries in
     * order meanwhile. Long, so that a broker restart or a short outage neither reorders nor fails a batch.
     */
    @WithDefault("2m")
    Duration sendTimeout();

    /** How long published rows are kept (for inspection) after their event occurred; then housekeeping deletes them. */
    @WithDefault("3d")
    Duration retention();
}
