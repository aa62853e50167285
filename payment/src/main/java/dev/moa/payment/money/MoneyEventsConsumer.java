package dev.moa.payment.money;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.events.EventJson;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads money's answers on {@code money.events} (HoldCaptured / HoldCaptureFailed, TransferPosted / TransferRejected)
 * and hands each to the feature whose command it answers, once (inbox by CloudEvents id, in the transaction of the
 * effect). Money's other events, and answers to other services' commands, are skipped. A failure that is not the
 * record's (the database away) is retried until the answer is applied ({@link Inbox#untilApplied}): an answer is
 * money that moved; only one that cannot be read goes to {@code payment.money-events.dead-letter}.
 */
@ApplicationScoped
public class MoneyEventsConsumer {

    static final String CONSUMER = "payment.money-events";

    /** The answers payment waits for, and the field that names the command each answers. */
    private static final Map<String, String> ANSWERS = Map.of(
            "dev.moa.money.HoldCaptured", "commandId",
            "dev.moa.money.HoldCaptureFailed", "commandId",
            "dev.moa.money.TransferPosted", "transferId",
            "dev.moa.money.TransferRejected", "commandId");

    /** The ledger kinds of the Transfer commands payment sends. */
    private static final Set<String> OUR_KINDS = Set.of("PAYMENT", "REFUND", "SETTLEMENT", "FEE");

    private final Inbox inbox;
    private final List<MoneyAnswerHandler> handlers;

    public MoneyEventsConsumer(Inbox inbox, Instance<MoneyAnswerHandler> handlers) {
        this.inbox = inbox;
        this.handlers = handlers.stream().toList();
    }

    @Incoming("money-events")
    public Uni<Void> consume(Message<String> message) {
        String type = Inbox.eventType(message);
        if (type == null || !ANSWERS.containsKey(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return Uni.createFrom().item(() -> read(type, message.getPayload()))
                .chain(answer -> answer == null ? Uni.createFrom().item(false)
                        : inbox.handleOnce(CONSUMER, Inbox.eventId(message), () -> dispatch(answer)))
                .plug(handling -> Inbox.untilApplied(CONSUMER, handling))
                .chain(applied -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("money answer %s not applied, to the dead-letter topic: %s", type, e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    private Uni<Boolean> dispatch(MoneyAnswer answer) {
        return Multi.createFrom().iterable(handlers)
                .onItem().transformToUniAndConcatenate(handler -> handler.onAnswer(answer))
                .filter(Boolean::booleanValue)
                .collect().first()
                .map(handled -> handled != null);
    }

    /** The answer, or {@code null} for an event without a command id (a transfer posted for no command). */
    private static MoneyAnswer read(String type, String payload) {
        JsonNode data;
        try {
            data = EventJson.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type + ": " + e.getOriginalMessage(), e);
        }
        String id = data == null ? null : data.path(ANSWERS.get(type)).asText(null);
        // Most postings are not payment's (top-ups, remittances, dues...): those kinds are skipped without a write.
        if (id == null || type.endsWith("TransferPosted") && !OUR_KINDS.contains(data.path("kind").asText(""))) {
            return null;
        }
        UUID commandId;
        try {
            commandId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type + " names no command: " + id, e);
        }
        boolean ok = type.endsWith("HoldCaptured") || type.endsWith("TransferPosted");
        return new MoneyAnswer(commandId, ok, ok ? null : data.path("reason").asText("UNKNOWN"));
    }
}
