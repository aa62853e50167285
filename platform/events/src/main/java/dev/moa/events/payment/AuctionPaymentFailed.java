package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * Charging the winner of a lot failed and no money moved; the order is PAYMENT_FAILED and the lot goes back to the
 * seller. {@code reason} is money's (EXCEEDS_HOLD, EXPIRED, INSUFFICIENT_FUNDS, ...). Subject: the order id.
 */
public record AuctionPaymentFailed(UUID orderId, UUID lotId, UUID buyerId, UUID sellerId, long total, String reason,
                                   Instant occurredAt) implements PaymentEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.AuctionPaymentFailed";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
