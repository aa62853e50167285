package dev.moa.auction.lifecycle;

import dev.moa.auction.lot.Lot;
import dev.moa.auction.lot.LotStatus;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.auction.LotOpened;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.UUID;

/**
 * Opens a lot at its start: SCHEDULED → OPEN with LotOpened through the outbox, and its live state in Redis, in one
 * transaction (a failure leaves it SCHEDULED for the next scan). The row lock makes two instances open it once; the
 * bid script itself refuses bids before the start, so a lot is never open early.
 */
@ApplicationScoped
public class LotOpener {

    private final Outbox outbox;
    private final LiveStateLoader loader;

    public LotOpener(Outbox outbox, LiveStateLoader loader) {
        this.outbox = outbox;
        this.loader = loader;
    }

    /** Opens the lot if it is due; whether it did. */
    public Uni<Boolean> open(UUID lotId) {
        return Panache.withTransaction(() -> Lot.<Lot>findById(lotId, LockModeType.PESSIMISTIC_WRITE).chain(lot -> {
            Instant now = Instant.now();
            if (lot == null || lot.status != LotStatus.SCHEDULED || lot.startsAt.isAfter(now)) {
                return Uni.createFrom().item(false);
            }
            lot.moveTo(LotStatus.OPEN);
            return outbox.append(Topics.AUCTION_EVENTS, new LotOpened(lot.id, lot.sellerId, lot.startPrice,
                            lot.endsAt, now))
                    .chain(() -> loader.loadOpened(lot))
                    .replaceWith(true);
        }));
    }
}
