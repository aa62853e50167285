package dev.moa.banking.firmbanking;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves firm-banking requests whose outcome is not known, on every instance every
 * {@code moa.firmbanking.reconcile-every}: claims up to {@code reconcile-batch} due requests (SKIP LOCKED, so instances
 * share the work and never take the same one), then, outside the claiming transaction, sends again those that never
 * reached the bank and asks the bank about the others, {@code reconcile-concurrency} at a time. Each request is checked
 * again after an exponential back-off (capped); one unresolved past the limits is flagged REVIEW (gauge
 * {@code moa_firmbanking_review} and one WARN line) and still checked at the capped interval until it is decided.
 */
@ApplicationScoped
public class Reconciliation {

    private final FirmbankingRecords records;
    private final FirmbankingCalls calls;
    private final FirmbankingMetrics metrics;
    private final FirmbankingConfig config;

    public Reconciliation(FirmbankingRecords records, FirmbankingCalls calls, FirmbankingMetrics metrics,
                          FirmbankingConfig config) {
        this.records = records;
        this.calls = calls;
        this.metrics = metrics;
        this.config = config;
    }

    @Scheduled(every = "${moa.firmbanking.reconcile-every:2s}", delayed = "${moa.firmbanking.reconcile-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        return records.claimDue(FirmbankingCalls.now(), config.reconcileBatch())
                .onItem().transformToMulti(claims -> Multi.createFrom().iterable(claims))
                .onItem().transformToUni(claim -> claim.send() ? calls.sendAgain(claim.request())
                        : calls.ask(claim.request()))
                .merge(config.reconcileConcurrency())
                .collect().last()
                .chain(records::counts)
                .invoke(counts -> metrics.counts(counts[0], counts[1]))
                .onFailure().invoke(e -> Log.warnf("firm-banking reconciliation failed, the next run retries: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
