package dev.moa.notifications.notice;

import dev.moa.chassis.inbox.Inbox;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;

/**
 * Consumes every topic that may prove something people are told, one channel per topic (a slow or poisoned topic
 * does not hold up the others). Each event is handled once (inbox): its rule, the feed rows and the mail outbox rows
 * commit in one transaction. A failing event is retried with back-off; one that cannot be handled (unreadable,
 * refused by its rule, retries exhausted) goes to {@code notifications.dead-letter} with its reason. Event types no
 * rule handles are acknowledged and skipped.
 */
@ApplicationScoped
public class EventsConsumer {

    static final String CONSUMER = "notifications";

    private final Inbox inbox;
    private final NoticeRegistry registry;
    private final NoticeDelivery delivery;

    public EventsConsumer(Inbox inbox, NoticeRegistry registry, NoticeDelivery delivery) {
        this.inbox = inbox;
        this.registry = registry;
        this.delivery = delivery;
    }

    @Incoming("membership-events")
    public Uni<Void> membershipEvents(Message<String> message) {
        return consume(message);
    }

    @Incoming("money-events")
    public Uni<Void> moneyEvents(Message<String> message) {
        return consume(message);
    }

    @Incoming("banking-events")
    public Uni<Void> bankingEvents(Message<String> message) {
        return consume(message);
    }

    @Incoming("auction-events")
    public Uni<Void> auctionEvents(Message<String> message) {
        return consume(message);
    }

    @Incoming("payment-events")
    public Uni<Void> paymentEvents(Message<String> message) {
        return consume(message);
    }

    Uni<Void> consume(Message<String> message) {
        String type = Inbox.eventType(message);
        if (type != null && !registry.handles(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return Uni.createFrom().item(() -> eventId(type, message))
                .chain(eventId -> inbox.handleOnce(CONSUMER, eventId, () -> registry.apply(type, message.getPayload())
                        .chain(notices -> delivery.deliver(eventId, notices))))
                .onFailure(e -> !(e instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .chain(handled -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("event %s not handled, to the dead-letter topic: %s", type, e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    private static String eventId(String type, Message<?> message) {
        if (type == null) {
            throw new IllegalArgumentException("event without a type");
        }
        return Inbox.eventId(message);
    }
}
