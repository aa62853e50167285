package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code amount} of a merchant payment went back to the payer; {@code refundedTotal} is what has been refunded of it
 * so far (never above the payment). Subject: the payment id.
 */
public record PaymentRefunded(UUID refundId, UUID paymentId, UUID merchantId, UUID payerId, long amount,
                              long refundedTotal, Instant occurredAt) implements PaymentEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.PaymentRefunded";
    }

    @Override
    public String subject() {
        return paymentId.toString();
    }
}
