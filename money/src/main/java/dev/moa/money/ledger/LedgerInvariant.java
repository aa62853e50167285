package dev.moa.money.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks, in production and not only in tests, that the ledger balances: the sum of credits minus debits over all
 * accounts is zero, in one consistent snapshot. A non-zero sum is logged as an error and exposed as the gauge
 * {@code moa.ledger.imbalance}, for an alert.
 */
@ApplicationScoped
public class LedgerInvariant {

    private final AtomicLong imbalance = new AtomicLong();

    public LedgerInvariant(MeterRegistry meters) {
        Gauge.builder("moa.ledger.imbalance", imbalance, AtomicLong::get)
                .description("Sum of credits minus debits over all accounts; must be 0").register(meters);
    }

    /** The current sum of all balances (0 when the ledger balances). */
    public Uni<Long> imbalance() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select coalesce(sum(credits_posted - debits_posted), 0)::bigint from accounts", Long.class)
                .getSingleResult()));
    }

    @Scheduled(every = "${moa.ledger.invariant-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return imbalance().invoke(sum -> {
            imbalance.set(sum);
            if (sum != 0) {
                Log.errorf("LEDGER IMBALANCE: the sum of all balances is %d, not 0", sum);
            }
        }).onFailure().invoke(e -> Log.warnf("ledger invariant check failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
