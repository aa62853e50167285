package dev.moa.money.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks, in production and not only in tests, that the ledger balances: the sum of credits minus debits over all
 * accounts is zero, in one consistent snapshot; and every account's pending debits are exactly its pending holds. A
 * non-zero sum is logged as an error and exposed as the gauge {@code moa.ledger.imbalance}, accounts whose pending
 * debits disagree with their holds as {@code moa.ledger.pending-mismatch}, for alerts.
 */
@Startup // the gauges exist from the start, not only once the first scheduled check created this bean
@ApplicationScoped
public class LedgerInvariant {

    private static final String PENDING_MISMATCH = "select count(*) from accounts a "
            + "left join (select debit_account_id, sum(amount) as held from holds where status = 'PENDING' "
            + "group by debit_account_id) h on h.debit_account_id = a.id "
            + "where a.debits_pending <> coalesce(h.held, 0)";

    private final AtomicLong imbalance = new AtomicLong();
    private final AtomicLong pendingMismatch = new AtomicLong();

    public LedgerInvariant(MeterRegistry meters) {
        Gauge.builder("moa.ledger.imbalance", imbalance, AtomicLong::get)
                .description("Sum of credits minus debits over all accounts; must be 0").register(meters);
        Gauge.builder("moa.ledger.pending-mismatch", pendingMismatch, AtomicLong::get)
                .description("Accounts whose pending debits are not the sum of their pending holds; must be 0")
                .register(meters);
    }

    /** How many accounts have pending debits other than the sum of their pending holds (0 when all agree). */
    public Uni<Long> pendingMismatches() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                PENDING_MISMATCH, Long.class).getSingleResult()));
    }

    /** The current sum of all balances (0 when the ledger balances). */
    public Uni<Long> imbalance() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select coalesce(sum(credits_posted - debits_posted), 0)::bigint from accounts", Long.class)
                .getSingleResult()));
    }

    @Scheduled(every = "${moa.ledger.invariant-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> check() {
        return imbalance().invoke(sum -> {
            imbalance.set(sum);
            if (sum != 0) {
                Log.errorf("LEDGER IMBALANCE: the sum of all balances is %d, not 0", sum);
            }
        }).chain(this::pendingMismatches).invoke(accounts -> {
            pendingMismatch.set(accounts);
            if (accounts != 0) {
                Log.errorf("LEDGER PENDING MISMATCH: %d accounts' pending debits are not their pending holds",
                        accounts);
            }
        }).onFailure().invoke(e -> Log.warnf("ledger invariant check failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
