package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * The winner's payment failed, so the lot is offered to the runner-up at {@code price} (their highest maximum bid)
 * plus the buyer's premium; they may accept until {@code expiresAt} (24 hours). Subject: the offer id.
 */
public record SecondChanceOffered(UUID offerId, UUID lotId, UUID bidderId, UUID sellerId, long price,
                                  Instant expiresAt, Instant occurredAt) implements PaymentEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.SecondChanceOffered";
    }

    @Override
    public String subject() {
        return offerId.toString();
    }
}
