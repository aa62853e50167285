package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * A member subscribed to a seller's plan. The first charge is made at {@code firstChargeAt}: at once, or when the
 * trial ends ({@code trialEndsAt}, absent without a trial).
 */
public record SubscriptionStarted(UUID subscriptionId, UUID planId, UUID subscriberId, UUID sellerId, long price,
                                  String period, Instant trialEndsAt, Instant firstChargeAt, Instant occurredAt)
        implements SubscriptionEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.SubscriptionStarted";
    }
}
