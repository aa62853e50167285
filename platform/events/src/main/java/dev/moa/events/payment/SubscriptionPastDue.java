package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/** Dunning: the period starting {@code periodStart} is unpaid after several tries; the subscription is PAST_DUE. */
public record SubscriptionPastDue(UUID subscriptionId, UUID planId, UUID subscriberId, long amount,
                                  Instant periodStart, int attempts, Instant occurredAt) implements SubscriptionEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.SubscriptionPastDue";
    }
}
