package dev.moa.money.report;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Rebuilds the read models from the events: in one transaction it empties every projection and the projection
 * consumer's inbox records, then moves that consumer back to the beginning of its {@code money.events} partitions;
 * the consumer then applies every event again, as it did the first time.
 * <p>
 * Events that arrive between the two steps are applied and then skipped on replay (their inbox record exists), so
 * the result is the same. The seek acts on the partitions this instance is assigned: with several instances, call
 * it on each (or scale to one) — and money.events must be kept (no retention limit) for a rebuild to be complete.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private final Projections projections;
    private final KafkaClientService kafka;

    public ProjectionRebuild(Projections projections, KafkaClientService kafka) {
        this.projections = projections;
        this.kafka = kafka;
    }

    /** What a rebuild started: the partitions replayed from their beginning. */
    public record Started(int partitions) {
    }

    public Uni<Started> start() {
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(MoneyEventsProjector.CHANNEL);
        return Panache.withTransaction(() -> projections.clear(MoneyEventsProjector.CONSUMER))
                .chain(consumer::getAssignments)
                .call(partitions -> consumer.seekToBeginning(partitions))
                .invoke(partitions -> Log.infof("read models emptied; replaying money.events partitions %s",
                        partitions))
                .map(Set::size)
                .map(Started::new);
    }

}
