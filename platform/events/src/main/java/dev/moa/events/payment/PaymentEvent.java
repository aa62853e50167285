package dev.moa.events.payment;

import dev.moa.events.MoaEvent;

/**
 * An event of payment's on {@code payment.events}; its subject (and Kafka key) is the aggregate it is about: the
 * order, the payment, the subscription, the plan or the settlement.
 */
public interface PaymentEvent extends MoaEvent {
}
