package dev.moa.payment.settlement;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Settles yesterday (Asia/Seoul) at {@code moa.settlement.cron} (00:10 by default) on every instance; the batches are
 * safe to run on several at once, and a run that failed is completed by the next (its batches are idempotent).
 */
@ApplicationScoped
public class SettlementJob {

    private final SettlementBatch batch;
    private final Clock clock;

    public SettlementJob(SettlementBatch batch, Clock clock) {
        this.batch = batch;
        this.clock = clock;
    }

    @Scheduled(cron = "${moa.settlement.cron:0 10 0 * * ?}", timeZone = "Asia/Seoul",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> settleYesterday() {
        LocalDate yesterday = LocalDate.now(clock.withZone(dev.moa.payment.clock.SeoulClock.ZONE)).minusDays(1);
        return batch.settle(yesterday)
                .invoke(made -> Log.infof("settlement of %s: %d batches", yesterday, made))
                .onFailure().invoke(e -> Log.warnf("settlement of %s failed, the next run retries: %s", yesterday,
                        e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
