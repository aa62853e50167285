package dev.moa.money.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.EventJson;
import dev.moa.events.Topics;
import dev.moa.events.money.CaptureHold;
import dev.moa.events.money.MoneyCommand;
import dev.moa.events.money.PlaceHold;
import dev.moa.events.money.Transfer;
import dev.moa.events.money.VoidHold;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Applies the commands of {@code money.commands} (PlaceHold, CaptureHold, VoidHold, Transfer), each once, and answers
 * each on {@code money.events} once. Two inbox records make "once": the CloudEvents id (a redelivered record) and
 * the command id (the same command sent again as a new record); both commit with the effect and its answer. A
 * refused command rolls its effect back and is answered in a transaction of its own, which claims the same two ids.
 * A failure that is not a refusal (the database away) is retried with back-off; a record that is not a command goes
 * to {@code money.commands.dead-letter}.
 */
@ApplicationScoped
public class MoneyCommandsConsumer {

    static final String CONSUMER = "money.commands";
    static final String COMMAND_IDS = "money.commands.command-id";

    private static final Map<String, Class<? extends MoneyCommand>> TYPES = Map.of(
            "dev.moa.money.command.PlaceHold", PlaceHold.class,
            "dev.moa.money.command.CaptureHold", CaptureHold.class,
            "dev.moa.money.command.VoidHold", VoidHold.class,
            "dev.moa.money.command.Transfer", Transfer.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final MoneyCommandHandler handler;

    public MoneyCommandsConsumer(Inbox inbox, Outbox outbox, MoneyCommandHandler handler) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.handler = handler;
    }

    private record Received(String eventId, MoneyCommand command) {
    }

    @Incoming("money-commands")
    public Uni<Void> consume(Message<String> message) {
        String type = Inbox.eventType(message);
        return Uni.createFrom().item(() -> new Received(Inbox.eventId(message), read(type, message.getPayload())))
                .chain(this::applyOnce)
                .plug(handling -> Inbox.untilApplied("money-commands", handling))
                .chain(applied -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("money command %s not applied, to the dead-letter topic: %s", type, e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    private Uni<Boolean> applyOnce(Received received) {
        return once(received, () -> handler.apply(received.command()))
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    ProblemException refusal = (ProblemException) e;
                    Log.debugf("money command %s refused: %s", received.command().commandId(), refusal.getMessage());
                    return once(received, () -> handler.refusal(received.command(), refusal)
                            .chain(answer -> outbox.append(Topics.MONEY_EVENTS, answer)));
                });
    }

    private Uni<Boolean> once(Received received, Supplier<Uni<?>> effect) {
        return inbox.handleOnce(CONSUMER, received.eventId(), () -> inbox.handleOnce(COMMAND_IDS,
                received.command().commandId().toString(), effect));
    }

    private static MoneyCommand read(String type, String payload) {
        Class<? extends MoneyCommand> commandType = type == null ? null : TYPES.get(type);
        if (commandType == null) {
            throw new IllegalArgumentException("not a money command: " + type);
        }
        MoneyCommand command;
        try {
            command = EventJson.mapper().readValue(payload, commandType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + commandType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        // Without these ids a command can be neither deduplicated nor answered.
        if (command.commandId() == null || command instanceof PlaceHold place && place.holdId() == null
                || command instanceof CaptureHold capture && (capture.holdId() == null || capture.transferId() == null)
                || command instanceof VoidHold voidHold && voidHold.holdId() == null) {
            throw new IllegalArgumentException(commandType.getSimpleName() + " without its ids");
        }
        return command;
    }
}
