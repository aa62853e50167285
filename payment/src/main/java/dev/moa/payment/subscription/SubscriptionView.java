package dev.moa.payment.subscription;

import java.time.Instant;
import java.util.UUID;

/** A subscription as its subscriber sees it; {@code nextChargeAt} is absent once it has ended or is ending. */
public record SubscriptionView(UUID id, UUID planId, UUID sellerId, Subscription.Status status, Instant nextChargeAt,
                               Instant paidUntil, Instant trialEndsAt, boolean cancelAtPeriodEnd, Instant createdAt,
                               Instant endedAt) {

    static SubscriptionView of(Subscription s) {
        boolean charging = s.status != Subscription.Status.CANCELED && !s.cancelAtPeriodEnd;
        return new SubscriptionView(s.id, s.planId, s.sellerId, s.status, charging ? s.nextChargeAt : null,
                s.paidUntil, s.trialEndsAt, s.cancelAtPeriodEnd, s.createdAt, s.endedAt);
    }
}
