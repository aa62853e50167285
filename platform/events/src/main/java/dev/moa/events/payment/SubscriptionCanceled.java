package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * The subscription ended at {@code endedAt}: {@code reason} MEMBER (canceled by the subscriber, effective at the end of
 * the paid term) or UNPAID (dunning gave up). No charge follows.
 */
public record SubscriptionCanceled(UUID subscriptionId, UUID planId, UUID subscriberId, String reason,
                                   Instant endedAt, Instant occurredAt) implements SubscriptionEvent {

    public static final String MEMBER = "MEMBER";
    public static final String UNPAID = "UNPAID";

    @Override
    public String eventType() {
        return "dev.moa.payment.SubscriptionCanceled";
    }
}
