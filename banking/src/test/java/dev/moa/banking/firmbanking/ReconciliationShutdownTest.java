package dev.moa.banking.firmbanking;

import dev.moa.events.banking.FirmbankingDirection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Vetoed;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation job and the application's shutdown: Quarkus closes the database pool before it stops the
 * scheduler, so the job must neither start runs then nor call a run the shutdown cut short a failure to alert on.
 */
class ReconciliationShutdownTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void noRunStartsOnceTheApplicationStops() {
        Records records = new Records(() -> Uni.createFrom().item(List.of()));

        reconciliation(records, new AtomicBoolean(false)).reconcile().await().atMost(WAIT);

        assertThat(records.claims).hasValue(0);
    }

    @Test
    void aRunTheShutdownCutsShortLogsNoWarning() {
        AtomicBoolean running = new AtomicBoolean(true);
        Records records = new Records(() -> {
            running.set(false);
            return Uni.createFrom().failure(new IllegalStateException("Pool closed"));
        });

        List<String> warnings = warningsOf(() -> reconciliation(records, running).reconcile().await().atMost(WAIT));

        assertThat(records.claims).hasValue(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRunFailingWhileTheApplicationRunsIsAWarning() {
        Records records = new Records(() -> Uni.createFrom().failure(new IllegalStateException("database away")));

        List<String> warnings = warningsOf(() -> reconciliation(records, new AtomicBoolean(true)).reconcile()
                .await().atMost(WAIT));

        assertThat(warnings).singleElement().asString()
                .contains("firm-banking reconciliation failed").contains("database away");
    }

    @Test
    void aRequestThatFailsLeavesTheOthersOfTheRunToBeDone() {
        FirmbankingRequest failing = unreachable();
        FirmbankingRequest other = unreachable();
        Records records = new Records(() -> Uni.createFrom().item(List.of(new FirmbankingRecords.Claim(failing, true),
                new FirmbankingRecords.Claim(other, true))));
        records.failMarking = failing.commandId();

        List<String> warnings = warningsOf(() -> reconciliation(records, new AtomicBoolean(true)).reconcile()
                .await().atMost(WAIT));

        assertThat(records.marked).containsExactlyInAnyOrder(failing.commandId(), other.commandId());
        assertThat(records.counted).as("the run went on to its end").hasValue(1);
        assertThat(warnings).singleElement().asString().contains(failing.commandId().toString());
    }

    private static FirmbankingRequest unreachable() {
        Instant now = Instant.now();
        return new FirmbankingRequest(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                FirmbankingDirection.IN, 1_000, "088", "110123456789", FirmbankingState.UNREACHABLE, false, 1, 0, now,
                now, null);
    }

    private static Reconciliation reconciliation(Records records, AtomicBoolean running) {
        return new Reconciliation(records, new FirmbankingCalls(null, records, null),
                new FirmbankingMetrics(new SimpleMeterRegistry()), config(), running::get);
    }

    private static List<String> warningsOf(Runnable run) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage())
                            + (record.getParameters() == null ? "" : List.of(record.getParameters())));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Reconciliation.class.getName());
        logger.addHandler(capture);
        try {
            run.run();
        } finally {
            logger.removeHandler(capture);
        }
        return warnings;
    }

    /** The job's batch and concurrency; no other setting is read. */
    private static FirmbankingConfig config() {
        return (FirmbankingConfig) Proxy.newProxyInstance(FirmbankingConfig.class.getClassLoader(),
                new Class<?>[]{FirmbankingConfig.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "reconcileBatch" -> 100;
                    case "reconcileConcurrency" -> 4;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The job's database side: claims as told, marks no send, counts nothing (not a bean of the application). */
    @Vetoed
    static final class Records extends FirmbankingRecords {

        private final Supplier<Uni<List<Claim>>> claimDue;
        final AtomicInteger claims = new AtomicInteger();
        final AtomicInteger counted = new AtomicInteger();
        final List<UUID> marked = new CopyOnWriteArrayList<>();
        UUID failMarking;

        Records(Supplier<Uni<List<Claim>>> claimDue) {
            super(null, null, null, null);
            this.claimDue = claimDue;
        }

        @Override
        Uni<List<Claim>> claimDue(Instant now, int batch) {
            claims.incrementAndGet();
            return claimDue.get();
        }

        /** Fails for {@code failMarking}; for any other request, another instance has taken it over. */
        @Override
        Uni<FirmbankingRequest> markSending(FirmbankingRequest claimed, Instant now) {
            marked.add(claimed.commandId());
            return claimed.commandId().equals(failMarking)
                    ? Uni.createFrom().failure(new IllegalStateException("database away"))
                    : Uni.createFrom().nullItem();
        }

        @Override
        Uni<long[]> counts() {
            counted.incrementAndGet();
            return Uni.createFrom().item(new long[]{0, 0});
        }
    }
}
