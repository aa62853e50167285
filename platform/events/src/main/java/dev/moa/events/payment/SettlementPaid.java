package dev.moa.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * A settlement batch paid {@code net} = {@code gross} - {@code fee} to a payee ({@code payeeKind} SELLER or MERCHANT)
 * for {@code items} completed sales; the fee went to fees revenue. Subject: the settlement (batch) id.
 */
public record SettlementPaid(UUID settlementId, String payeeKind, UUID payeeId, int items, long gross, long fee,
                             long net, Instant occurredAt) implements PaymentEvent {

    @Override
    public String eventType() {
        return "dev.moa.payment.SettlementPaid";
    }

    @Override
    public String subject() {
        return settlementId.toString();
    }
}
