package dev.moa.money.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.events.EventJson;
import dev.moa.events.money.TransferPosted;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/**
 * Feeds the read models from {@code money.events} (its own consumer group, from the earliest record), a polled batch
 * of records at a time: the batch's TransferPosted events are applied in one statement, each once (inbox, under its
 * own consumer name). Other events are skipped. A record that cannot be read goes to the dead-letter topic on its own;
 * a batch that fails for any other reason is retried with back-off until it is applied, and only then acknowledged.
 */
@ApplicationScoped
public class MoneyEventsProjector {

    static final String CHANNEL = "money-events-projections";
    static final String CONSUMER = "money.projections";
    private static final String TRANSFER_POSTED = "dev.moa.money.TransferPosted";

    private final Projections projections;
    private final ProjectionLag lag;

    public MoneyEventsProjector(Projections projections, ProjectionLag lag) {
        this.projections = projections;
        this.lag = lag;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Projections.Posted> posted = new ArrayList<>();
        List<Inbox.Unreadable> unreadable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            if (!TRANSFER_POSTED.equals(Inbox.eventType(record))) {
                continue;
            }
            try {
                posted.add(new Projections.Posted(Inbox.eventId(record), read(record.getPayload())));
            } catch (IllegalArgumentException e) {
                unreadable.add(new Inbox.Unreadable(record, e));
            }
        }
        Instant latest = posted.stream().map(p -> p.event().occurredAt()).max(Instant::compareTo).orElse(null);
        return Inbox.untilApplied(CHANNEL, Uni.createFrom().deferred(() -> projections.applyAll(CONSUMER, posted)))
                .invoke(applied -> {
                    if (latest != null) {
                        lag.applied(latest);
                    }
                })
                .chain(applied -> Inbox.deadLetter(CHANNEL, unreadable))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private static TransferPosted read(String payload) {
        try {
            return EventJson.mapper().readValue(payload, TransferPosted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a TransferPosted: " + e.getOriginalMessage(), e);
        }
    }
}
