package dev.moa.money.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.events.EventJson;
import dev.moa.events.money.TransferPosted;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;


/**
 * Feeds the read models from {@code money.events} (its own consumer group, from the earliest record): each
 * TransferPosted is applied once (inbox, under its own consumer name) to every projection in one transaction. Other
 * events are acknowledged and skipped. A failing event is retried with back-off, then goes to the dead-letter topic.
 */
@ApplicationScoped
public class MoneyEventsProjector {

    static final String CHANNEL = "money-events-projections";
    static final String CONSUMER = "money.projections";
    private static final String TRANSFER_POSTED = "dev.moa.money.TransferPosted";

    private final Inbox inbox;
    private final Projections projections;
    private final ProjectionLag lag;

    public MoneyEventsProjector(Inbox inbox, Projections projections, ProjectionLag lag) {
        this.inbox = inbox;
        this.projections = projections;
        this.lag = lag;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        String type = Inbox.eventType(message);
        if (!TRANSFER_POSTED.equals(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return Uni.createFrom().item(() -> read(message.getPayload()))
                .chain(event -> inbox.handleOnce(CONSUMER, Inbox.eventId(message), () -> projections.apply(event))
                        .invoke(() -> lag.applied(event.occurredAt())))
                .plug(handling -> Inbox.untilApplied(CHANNEL, handling))
                .chain(applied -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("money event not projected, to the dead-letter topic: %s", e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    private static TransferPosted read(String payload) {
        try {
            return EventJson.mapper().readValue(payload, TransferPosted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a TransferPosted: " + e.getOriginalMessage(), e);
        }
    }
}
