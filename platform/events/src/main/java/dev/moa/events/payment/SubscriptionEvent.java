package dev.moa.events.payment;

import java.util.UUID;

/** An event about one subscription: its subject (and Kafka key) is the subscription id. */
public interface SubscriptionEvent extends PaymentEvent {

    UUID subscriptionId();

    @Override
    default String subject() {
        return subscriptionId().toString();
    }
}
