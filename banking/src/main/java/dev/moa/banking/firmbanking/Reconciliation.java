package dev.moa.banking.firmbanking;

import dev.moa.banking.firmbanking.FirmbankingRecords.Claim;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Application;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.BooleanSupplier;

/**
 * Resolves firm-banking requests whose outcome is not known, on every instance every
 * {@code moa.firmbanking.reconcile-every}: claims up to {@code reconcile-batch} due requests (SKIP LOCKED, so instances
 * share the work and never take the same one), then, outside the claiming transaction, sends again those that never
 * reached the bank and asks the bank about the others, {@code reconcile-concurrency} at a time. Each request is checked
 * again after an exponential back-off (capped); one unresolved past the limits is flagged REVIEW (gauge
 * {@code moa_firmbanking_review} and one WARN line) and still checked at the capped interval until it is decided.
 *
 * <p>The job runs only while Quarkus is started. Quarkus closes the database pool before it stops the scheduler, so a
 * run started during shutdown could only fail; none starts, and a run that the shutdown cuts short says so at DEBUG.
 * Whatever it left undone, its leases lapse and the next instance (or start) takes over.
 */
@ApplicationScoped
public class Reconciliation {

    private final FirmbankingRecords records;
    private final FirmbankingCalls calls;
    private final FirmbankingMetrics metrics;
    private final FirmbankingConfig config;
    private final BooleanSupplier applicationRunning;

    @Inject
    public Reconciliation(FirmbankingRecords records, FirmbankingCalls calls, FirmbankingMetrics metrics,
                          FirmbankingConfig config) {
        this(records, calls, metrics, config, Reconciliation::applicationStarted);
    }

    /** @param applicationRunning whether the application is started (and not stopping) */
    Reconciliation(FirmbankingRecords records, FirmbankingCalls calls, FirmbankingMetrics metrics,
                   FirmbankingConfig config, BooleanSupplier applicationRunning) {
        this.records = records;
        this.calls = calls;
        this.metrics = metrics;
        this.config = config;
        this.applicationRunning = applicationRunning;
    }

    @Scheduled(every = "${moa.firmbanking.reconcile-every:2s}", delayed = "${moa.firmbanking.reconcile-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        if (!applicationRunning.getAsBoolean()) {
            return Uni.createFrom().voidItem();
        }
        return records.claimDue(FirmbankingCalls.now(), config.reconcileBatch())
                .onItem().transformToMulti(claims -> Multi.createFrom().iterable(claims))
                .onItem().transformToUni(this::resolve)
                .merge(config.reconcileConcurrency())
                .collect().last()
                .chain(records::counts)
                .invoke(counts -> metrics.counts(counts[0], counts[1]))
                .onFailure().invoke(e -> complain("firm-banking reconciliation failed, the next run retries: %s", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One claimed request; if that fails, its lease lapses and a later run takes it again, the others go on. */
    private Uni<Void> resolve(Claim claim) {
        return (claim.send() ? calls.sendAgain(claim.request()) : calls.ask(claim.request()))
                .onFailure().recoverWithUni(e -> {
                    complain("firm-banking " + claim.request().commandId() + " left to a later run: %s", e);
                    return Uni.createFrom().voidItem();
                });
    }

    /** A WARN while the application runs; while it stops (its database pool closed under the run) a DEBUG line. */
    private void complain(String format, Throwable failure) {
        if (applicationRunning.getAsBoolean()) {
            Log.warnf(format, failure.getMessage());
        } else {
            Log.debugf(format, failure.getMessage());
        }
    }

    /** False until Quarkus has started, and again from the moment it begins to stop (before its pool closes). */
    private static boolean applicationStarted() {
        Application application = Application.currentApplication();
        return application == null || application.isStarted();
    }
}
