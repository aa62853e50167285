package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * Charging the period starting {@code periodStart} failed ({@code attempt} = 1 for the first try); the next try is at
 * {@code nextAttemptAt}, absent when no try is left.
 */
public record SubscriptionPaymentFailed(UUID subscriptionId, UUID planId, UUID subscriberId, long amount,
                                        Instant periodStart, int attempt, String reason, Instant nextAttemptAt,
                                        Instant occurredAt) implements SubscriptionEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.SubscriptionPaymentFailed";
    }
}
