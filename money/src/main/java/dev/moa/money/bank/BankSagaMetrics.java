package dev.moa.money.bank;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Saga metrics: {@code moa.bank-sagas.outcomes} counts banking's answers by saga (top-up, withdrawal, unknown) and
 * result (completed, completed-after-hold-expired, failed, needs-review, already-final, contradicts-final,
 * unknown-command, mismatch); the gauges
 * {@code moa.bank-sagas.needs-review} (must stay 0: alert on it) and {@code moa.bank-sagas.requested} (waiting for
 * the bank) are read from the database every {@code moa.bank-sagas.check} (1 minute).
 */
@Startup // the gauges exist from the start, not only once the first scheduled check created this bean
@ApplicationScoped
public class BankSagaMetrics {

    static final String OUTCOMES = "moa.bank-sagas.outcomes";
    private static final String COUNT = "select (select count(*) from top_ups where status = ?1)"
            + " + (select count(*) from withdrawals where status = ?1)";

    private final MeterRegistry registry;
    private final AtomicLong needsReview = new AtomicLong();
    private final AtomicLong requested = new AtomicLong();

    public BankSagaMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("moa.bank-sagas.needs-review", needsReview, AtomicLong::get)
                .description("Top-ups and withdrawals the bank settled but the ledger could not follow; must be 0")
                .register(registry);
        Gauge.builder("moa.bank-sagas.requested", requested, AtomicLong::get)
                .description("Top-ups and withdrawals waiting for the bank's answer").register(registry);
    }

    void count(SagaStep step) {
        outcomes(step.saga(), step.result()).increment();
    }

    /** The counter of one saga kind and result. */
    Counter outcomes(String saga, SagaStep.Result result) {
        return Counter.builder(OUTCOMES).description("Banking's answers to top-ups and withdrawals, by what they did")
                .tag("saga", saga).tag("result", result.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry);
    }

    @Scheduled(every = "${moa.bank-sagas.check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return Panache.withSession(() -> count(BankSagaStatus.NEEDS_REVIEW).invoke(needsReview::set)
                        .chain(() -> count(BankSagaStatus.REQUESTED)).invoke(requested::set))
                .onFailure().invoke(e -> Log.warnf("bank saga metrics not refreshed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static Uni<Long> count(BankSagaStatus status) {
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNT, Long.class)
                .setParameter(1, status.name()).getSingleResult());
    }
}
