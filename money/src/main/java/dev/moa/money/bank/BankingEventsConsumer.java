package dev.moa.money.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.events.EventJson;
import dev.moa.events.banking.FirmbankingFailed;
import dev.moa.events.banking.FirmbankingSucceeded;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends top-ups and withdrawals as banking answers them on {@code banking.events} (consumer group {@code money}).
 * Each record is applied once (inbox, by CloudEvents id) in one transaction with its saga step, its ledger postings and
 * its events; a second answer for the same saga under another event id finds the saga final and changes nothing.
 * BankAccountLinked, BankAccountUnlinked and any other type are acknowledged and skipped. A failure that is not a bad
 * record (the database away) is retried with back-off; a record that cannot be read goes to
 * {@code money.banking-events.dead-letter}.
 */
@ApplicationScoped
public class BankingEventsConsumer {

    static final String CONSUMER = "money.banking-events";
    private static final String SUCCEEDED = "dev.moa.banking.FirmbankingSucceeded";
    private static final String FAILED = "dev.moa.banking.FirmbankingFailed";

    private final Inbox inbox;
    private final BankOutcomes outcomes;
    private final BankSagaMetrics metrics;

    public BankingEventsConsumer(Inbox inbox, BankOutcomes outcomes, BankSagaMetrics metrics) {
        this.inbox = inbox;
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    @Incoming("banking-events")
    public Uni<Void> consume(Message<String> message) {
        String type = Inbox.eventType(message);
        if (type != null && !SUCCEEDED.equals(type) && !FAILED.equals(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        AtomicReference<SagaStep> step = new AtomicReference<>();
        return Uni.createFrom().item(() -> Inbox.eventId(message))
                .chain(eventId -> inbox.handleOnce(CONSUMER, eventId, () -> outcomes.settle(read(type,
                        message.getPayload())).invoke(step::set)))
                .plug(handling -> Inbox.untilApplied("banking-events", handling))
                .invoke(applied -> {
                    if (applied) {
                        report(step.get());
                    }
                })
                .chain(applied -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("banking event %s not applied, to the dead-letter topic: %s", type, e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    /** Counts and logs a committed step; what an operator must look at is a WARN. */
    private void report(SagaStep step) {
        metrics.count(step);
        if (step.result().alarming()) {
            Log.warnf("bank saga %s %s: %s (%s)", step.saga(), step.commandId(), step.result(), step.note());
        } else {
            Log.debugf("bank saga %s %s: %s (%s)", step.saga(), step.commandId(), step.result(), step.note());
        }
    }

    private static BankAnswer read(String type, String payload) {
        if (type == null) {
            throw new IllegalArgumentException("event without a type");
        }
        try {
            return SUCCEEDED.equals(type)
                    ? BankAnswer.of(EventJson.mapper().readValue(payload, FirmbankingSucceeded.class))
                    : BankAnswer.of(EventJson.mapper().readValue(payload, FirmbankingFailed.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type + ": " + e.getOriginalMessage(), e);
        }
    }
}
