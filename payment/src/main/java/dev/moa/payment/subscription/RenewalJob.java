package dev.moa.payment.subscription;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * Runs {@link Renewals} every {@code moa.subscriptions.renew-every} (1 minute by default) on every instance: the
 * renewals are safe to run on several at once. A failed run is retried by the next one.
 */
@ApplicationScoped
public class RenewalJob {

    private final Renewals renewals;
    private final Clock clock;

    public RenewalJob(Renewals renewals, Clock clock) {
        this.renewals = renewals;
        this.clock = clock;
    }

    @Scheduled(every = "${moa.subscriptions.renew-every:1m}", delayed = "${moa.subscriptions.renew-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> renew() {
        return renewals.runOnce(Instant.now(clock))
                .invoke(run -> {
                    if (run.charged() + run.retried() + run.ended() > 0) {
                        Log.infof("subscription renewals: %s", run);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("subscription renewals failed, the next run retries: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
