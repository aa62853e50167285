package dev.moa.banking.firmbanking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.events.EventJson;
import dev.moa.events.banking.FirmbankingDirection;
import dev.moa.events.banking.RequestFirmbanking;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.UUID;

/**
 * Consumes {@code banking.commands} (own consumer group): records each RequestFirmbanking once, then calls the bank
 * outside any transaction and records the outcome with its FirmbankingSucceeded / FirmbankingFailed event (or leaves
 * it UNKNOWN / UNREACHABLE for the reconciliation job). A command with a command id but invalid terms is answered
 * FirmbankingFailed INVALID; a record without a command id cannot be answered and goes to
 * {@code banking.commands.dead-letter}. A database failure while recording is retried with back-off.
 */
@ApplicationScoped
public class BankingCommandsConsumer {

    static final String TYPE = "dev.moa.banking.command.RequestFirmbanking";

    private final FirmbankingIntake intake;
    private final FirmbankingCalls calls;
    private final FirmbankingMetrics metrics;

    public BankingCommandsConsumer(FirmbankingIntake intake, FirmbankingCalls calls, FirmbankingMetrics metrics) {
        this.intake = intake;
        this.calls = calls;
        this.metrics = metrics;
    }

    private record Received(String eventId, RequestFirmbanking command) {
    }

    @Incoming("banking-commands")
    public Uni<Void> consume(Message<String> message) {
        String type = Inbox.eventType(message);
        return Uni.createFrom().item(() -> new Received(Inbox.eventId(message), read(type, message.getPayload())))
                .chain(received -> intake.admit(received.eventId(), received.command()))
                .plug(handling -> Inbox.untilApplied("banking-commands", handling))
                .chain(admitted -> {
                    if (admitted.refused() != null) {
                        metrics.decided(admitted.refused());
                    }
                    return admitted.toSend() == null ? Uni.createFrom().voidItem()
                            : calls.send(admitted.toSend(), false);
                })
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("banking command %s not applied, to the dead-letter topic: %s", type, e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    /**
     * The command, read leniently once its command id is known: a field of the wrong form is left empty, so that the
     * intake answers it INVALID rather than letting the sender wait forever.
     */
    static RequestFirmbanking read(String type, String payload) {
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("not a banking command: " + type);
        }
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        UUID commandId = json == null ? null : uuid(json.get("commandId"));
        if (commandId == null) {
            throw new IllegalArgumentException("a RequestFirmbanking without a command id cannot be answered");
        }
        JsonNode amount = json.get("amount");
        return new RequestFirmbanking(commandId, uuid(json.get("memberId")), uuid(json.get("bankAccountId")),
                direction(json.get("direction")),
                amount != null && amount.isIntegralNumber() && amount.canConvertToLong() ? amount.asLong() : 0,
                instant(json.get("requestedAt")));
    }

    private static UUID uuid(JsonNode node) {
        try {
            return node != null && node.isTextual() ? UUID.fromString(node.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static FirmbankingDirection direction(JsonNode node) {
        try {
            return node != null && node.isTextual() ? FirmbankingDirection.valueOf(node.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(JsonNode node) {
        try {
            return node != null && node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
