package dev.moa.auction.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.events.EventJson;
import dev.moa.events.money.HoldPlaced;
import dev.moa.events.money.HoldRejected;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;


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
        String type = Inbox.eventType(message);
        if (!PLACED.equals(type) && !REJECTED.equals(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return Uni.createFrom().item(() -> read(type, message.getPayload()))
                .chain(event -> inbox.handleOnce(CONSUMER, Inbox.eventId(message), () -> event instanceof HoldPlaced p
                        ? registrations.holdPlaced(p) : registrations.holdRejected((HoldRejected) event)))
                .plug(handling -> Inbox.untilApplied("money-events", handling))
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
}
