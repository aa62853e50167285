package dev.moa.auction.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.events.EventJson;
import dev.moa.events.money.HoldPlaced;
import dev.moa.events.money.HoldRejected;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Money's answers to the registrations' PlaceHold commands, from {@code money.events}: HoldPlaced approves,
 * HoldRejected refuses. Each event is applied once (inbox, same transaction as the effect); events about holds that
 * no registration waits for are skipped. A failure that is not the event's fault is retried with back-off; an
 * unreadable record goes to the dead-letter topic.
 */
@ApplicationScoped
public class MoneyEventsConsumer {

    static final String CONSUMER = "auction.money-events";
    private static final String PLACED = "dev.moa.money.HoldPlaced";
    private static final String REJECTED = "dev.moa.money.HoldRejected";

    private final Inbox inbox;
    private final RegistrationService registrations;

    public MoneyEventsConsumer(Inbox inbox, RegistrationService registrations) {
        this.inbox = inbox;
        this.registrations = registrations;
    }

    @Incoming("money-events")
    public Uni<Void> consume(Message<String> message) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType)
                .orElseGet(() -> header(message, "ce_type"));
        if (!PLACED.equals(type) && !REJECTED.equals(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return Uni.createFrom().item(() -> read(type, message.getPayload()))
                .chain(event -> inbox.handleOnce(CONSUMER, Inbox.eventId(message), () -> event instanceof HoldPlaced p
                        ? registrations.holdPlaced(p) : registrations.holdRejected((HoldRejected) event)))
                .onFailure(e -> !(e instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .chain(applied -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("money event %s not applied, to the dead-letter topic: %s", type, e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    private static Object read(String type, String payload) {
        try {
            Class<?> eventType = PLACED.equals(type) ? HoldPlaced.class : HoldRejected.class;
            Object event = EventJson.mapper().readValue(payload, eventType);
            if (event instanceof HoldPlaced p && p.holdId() == null
                    || event instanceof HoldRejected r && r.holdId() == null) {
                throw new IllegalArgumentException(type + " without a hold id");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String header(Message<?> message, String name) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader(name))
                .map(header -> new String(header.value(), StandardCharsets.UTF_8))
                .orElse(null);
    }
}
