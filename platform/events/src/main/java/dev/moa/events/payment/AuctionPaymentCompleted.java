package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * The winner of a lot paid: {@code total} = {@code hammerPrice} + {@code premium} (the buyer's premium) left the
 * winner's hold (and wallet, for a part above the hold); the hammer price waits in settlement payable for the seller,
 * the premium went to fees. Subject: the order id.
 */
public record AuctionPaymentCompleted(UUID orderId, UUID lotId, UUID buyerId, UUID sellerId, long hammerPrice,
                                      long premium, long total, Instant occurredAt) implements PaymentEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.AuctionPaymentCompleted";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
