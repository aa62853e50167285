package dev.moa.payment.order;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.payment.SecondChanceOffered;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Offers a lot to its runner-up when the winner's payment failed (once per lot: the offer id derives from the lot and
 * the lot id is unique). Without a runner-up nothing is offered: the lot is back with the seller, which
 * AuctionPaymentFailed tells.
 */
@ApplicationScoped
public class SecondChance {

    public static final Duration ACCEPT_WITHIN = Duration.ofHours(24);
    private static final String INSERT = """
            insert into second_chance_offers (id, lot_id, original_order_id, bidder_id, seller_id, price, status,
                expires_at, created_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, 'OFFERED', ?7, ?8, ?8) on conflict (lot_id) do nothing""";

    private final Outbox outbox;

    public SecondChance(Outbox outbox) {
        this.outbox = outbox;
    }

    Uni<Void> offer(Order failed, Instant now) {
        if (failed.kind != Order.Kind.WIN || failed.runnerUpId == null || failed.runnerUpMaximum == null) {
            return Uni.createFrom().voidItem();
        }
        UUID id = UUID.nameUUIDFromBytes(("payment:offer:" + failed.lotId).getBytes(StandardCharsets.UTF_8));
        Instant expiresAt = now.plus(ACCEPT_WITHIN);
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id).setParameter(2, failed.lotId).setParameter(3, failed.id)
                        .setParameter(4, failed.runnerUpId).setParameter(5, failed.sellerId)
                        .setParameter(6, failed.runnerUpMaximum).setParameter(7, expiresAt).setParameter(8, now)
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? outbox.append(Topics.PAYMENT_EVENTS, new SecondChanceOffered(id, failed.lotId,
                        failed.runnerUpId, failed.sellerId, failed.runnerUpMaximum, expiresAt, now))
                        : Uni.createFrom().nullItem())
                .replaceWithVoid();
    }
}
