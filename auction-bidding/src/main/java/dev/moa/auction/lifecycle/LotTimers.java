package dev.moa.auction.lifecycle;

import dev.moa.auction.AuctionConfig;
import dev.moa.auction.lot.Lot;
import dev.moa.auction.lot.LotStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The per-lot timers: every {@code moa.auction.timers.scan-every} each instance opens the lots whose start has come
 * and closes those whose end has, one transaction per lot, so one lot's failure (logged, retried on the next scan)
 * never stops another's. Several instances may scan at once: opening and closing are each safe to race.
 */
@ApplicationScoped
public class LotTimers {

    private final LotOpener opener;
    private final LotCloser closer;
    private final AuctionConfig.Timers config;

    public LotTimers(LotOpener opener, LotCloser closer, AuctionConfig config) {
        this.opener = opener;
        this.closer = closer;
        this.config = config.timers();
    }

    @Scheduled(every = "${moa.auction.timers.scan-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = TimersDisabled.class)
    Uni<Void> scan() {
        Instant now = Instant.now();
        return due("status = ?1 and startsAt <= ?2 order by startsAt", LotStatus.SCHEDULED, now)
                .chain(ids -> each(ids, opener::open, "open"))
                .chain(() -> due("status = ?1 and endsAt <= ?2 order by endsAt", LotStatus.OPEN, now))
                .chain(ids -> each(ids, closer::close, "close"))
                .onFailure().invoke(e -> Log.warnf("lot timers: scan failed, the next one retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<UUID>> due(String query, LotStatus status, Instant now) {
        return Panache.withSession(() -> Lot.<Lot>find(query, status, now).range(0, config.batch() - 1).list())
                .map(lots -> lots.stream().map(lot -> lot.id).toList());
    }

    private static Uni<Void> each(List<UUID> ids, Function<UUID, Uni<Boolean>> action, String what) {
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> action.apply(id)
                        .onFailure().invoke(e -> Log.warnf("lot %s: %s failed, retried on the next scan: %s", id,
                                what, e.getMessage()))
                        .onFailure().recoverWithItem(false))
                .collect().last().replaceWithVoid();
    }

    /** Skips the scans on an instance configured without timers. */
    @ApplicationScoped
    public static class TimersDisabled implements Scheduled.SkipPredicate {

        private final AuctionConfig config;

        public TimersDisabled(AuctionConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.timers().enabled();
        }
    }
}
