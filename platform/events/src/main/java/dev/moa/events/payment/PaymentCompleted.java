package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/** A member paid a merchant {@code amount} from their wallet. Subject: the payment id. */
public record PaymentCompleted(UUID paymentId, UUID merchantId, UUID payerId, long amount, String orderRef,
                               Instant occurredAt) implements PaymentEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.PaymentCompleted";
    }

    @Override
    public String subject() {
        return paymentId.toString();
    }
}
