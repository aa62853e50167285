package dev.moa.money.hold;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Releases holds past their expiry, every {@code moa.holds.expiry-check} (5 s by default), at most
 * {@code moa.holds.expiry-batch} per run. Safe with several instances: {@code moa_expire_holds} skips what another
 * instance (or a capture) has locked, and a skipped hold is expired on a later run.
 */
@ApplicationScoped
public class HoldExpiry {

    private final HoldService holds;
    private final int batch;

    public HoldExpiry(HoldService holds, @ConfigProperty(name = "moa.holds.expiry-batch", defaultValue = "500") int batch) {
        this.holds = holds;
        this.batch = batch;
    }

    @Scheduled(every = "${moa.holds.expiry-check:5s}", delayed = "${moa.holds.expiry-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> expire() {
        return holds.expire(Instant.now(), batch)
                .invoke(expired -> {
                    if (!expired.isEmpty()) {
                        Log.infof("released %d expired holds", expired.size());
                    }
                })
                .onFailure().invoke(e -> Log.warnf("hold expiry failed, the next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
