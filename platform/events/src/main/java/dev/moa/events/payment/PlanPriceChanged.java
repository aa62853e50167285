package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * A seller changed a plan's price: each subscriber pays {@code newPrice} from their next period on (the period they
 * already paid keeps {@code oldPrice}). Subject: the plan id.
 */
public record PlanPriceChanged(UUID planId, UUID sellerId, long oldPrice, long newPrice, Instant occurredAt)
        implements PaymentEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.PlanPriceChanged";
    }

    @Override
    public String subject() {
        return planId.toString();
    }
}
