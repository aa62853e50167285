package dev.moa.payment.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.events.EventJson;
import dev.moa.events.auction.LotClosed;
import dev.moa.events.auction.RegistrationApproved;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code auction.events}: RegistrationApproved (the hold a bidder's win may use) and LotClosed (the order of a
 * sold lot), each applied once (inbox by CloudEvents id, in the effect's transaction); other auction events are not
 * payment's business and are skipped. A failure that is not the record's (the database away) is retried until the
 * record is applied ({@link Inbox#untilApplied}); a record that cannot be read or is invalid goes to
 * {@code payment.auction-events.dead-letter}. Each lot stands alone: one bad record stops no other lot's charge.
 */
@ApplicationScoped
public class AuctionEventsConsumer {

    static final String CONSUMER = "payment.auction-events";
    private static final String LOT_CLOSED = "dev.moa.auction.LotClosed";
    private static final String REGISTRATION_APPROVED = "dev.moa.auction.RegistrationApproved";

    private final Inbox inbox;
    private final OrderService orders;

    public AuctionEventsConsumer(Inbox inbox, OrderService orders) {
        this.inbox = inbox;
        this.orders = orders;
    }

    @Incoming("auction-events")
    public Uni<Void> consume(Message<String> message) {
        String type = Inbox.eventType(message);
        if (!LOT_CLOSED.equals(type) && !REGISTRATION_APPROVED.equals(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return Uni.createFrom().item(() -> Inbox.eventId(message))
                .chain(eventId -> {
                    Object event = read(type, message.getPayload());
                    return inbox.handleOnce(CONSUMER, eventId, () -> event instanceof LotClosed closed
                            ? orders.lotClosed(closed)
                            : orders.registrationApproved((RegistrationApproved) event));
                })
                .plug(handling -> Inbox.untilApplied(CONSUMER, handling))
                .chain(applied -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("auction event %s not applied, to the dead-letter topic: %s", type, e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    private static Object read(String type, String payload) {
        try {
            Class<?> eventType = LOT_CLOSED.equals(type) ? LotClosed.class : RegistrationApproved.class;
            return EventJson.mapper().readValue(payload, eventType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type + ": " + e.getOriginalMessage(), e);
        }
    }
}
