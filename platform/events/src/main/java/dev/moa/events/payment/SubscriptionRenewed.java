package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/** The period [{@code periodStart}, {@code periodEnd}) of a subscription was paid ({@code amount}). */
public record SubscriptionRenewed(UUID subscriptionId, UUID planId, UUID subscriberId, UUID sellerId, long amount,
                                  Instant periodStart, Instant periodEnd, Instant occurredAt)
        implements SubscriptionEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.SubscriptionRenewed";
    }
}
