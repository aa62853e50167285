package dev.moa.money.dues;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Runs {@link DuesCollection} every {@code moa.dues.check-every} (10 minutes by default) for today in Asia/Seoul, on
 * every instance: the collection itself is safe to run on several at once. A run that finds a full batch leaves the
 * rest to the next run, and a failed run is retried by the next one.
 */
@ApplicationScoped
public class DuesCollectionJob {

    private final DuesCollection collection;
    private final Clock clock;

    public DuesCollectionJob(DuesCollection collection, Clock clock) {
        this.collection = collection;
        this.clock = clock;
    }

    @Scheduled(every = "${moa.dues.check-every:10m}", delayed = "${moa.dues.check-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> collect() {
        LocalDate today = LocalDate.now(clock);
        return collection.collect(today)
                .invoke(run -> {
                    if (run.created() + run.paid() + run.unpaid() + run.failed() > 0) {
                        Log.infof("dues for %s: %s", today, run);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("dues collection failed, the next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
