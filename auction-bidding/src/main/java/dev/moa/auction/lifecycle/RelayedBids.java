package dev.moa.auction.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.auction.AuctionConfig;
import dev.moa.auction.live.LotTail;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.EventJson;
import dev.moa.events.Topics;
import dev.moa.events.auction.BidAccepted;
import dev.moa.events.auction.MaximumRaised;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The bids of a lot that reached Kafka {@code auction.bids} but perhaps not yet the PostgreSQL bid log, and the
 * leaders' raises of their maximum there: what a rebuild of a lot's live state must count when Redis lost the lot's
 * stream too.
 *
 * <p>Why read Kafka rather than wait for the bid log to catch up: waiting depends on the bid log consumer being
 * healthy and on its group's lag, and says nothing when it is stuck; reading the lot's partition needs only Kafka and
 * gives the exact latest bid. It is bounded: only the lot's partition (the relay keys records by lot), only from the
 * bid log consumer group's committed offset on it — everything before that offset is in the bid log, since a record
 * is committed only after its transaction — (the beginning when the group has none) to the partition's end offset
 * taken when the read starts, within {@code moa.auction.rebuild.kafka-timeout}. A read that cannot finish in time
 * (Kafka unreachable, a partition too long) fails with a 503 and {@code Retry-After}: the lot takes no bid on a state
 * that may be behind. The read runs on a worker thread (a blocking consumer, created for it and closed after it) and
 * its answer comes back on the caller's Vert.x context, so a reactive session open there stays usable.
 *
 * <p>Not covered: a bid a relay had read from the stream and was still sending when Redis lost everything, which
 * reaches Kafka after the end offset was taken. Redis' append-only file keeps the stream in production.
 */
@ApplicationScoped
public class RelayedBids {

    private static final String BID_ACCEPTED = "dev.moa.auction.BidAccepted";
    private static final String MAXIMUM_RAISED = "dev.moa.auction.MaximumRaised";

    private final AuctionConfig.Rebuild config;
    private final String bootstrapServers;
    private final String bidLogGroup;

    public RelayedBids(AuctionConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "mp.messaging.incoming.auction-bids.group.id") String bidLogGroup) {
        this.config = config.rebuild();
        this.bootstrapServers = bootstrapServers;
        this.bidLogGroup = bidLogGroup;
    }

    /**
     * {@code lot}'s bids in Kafka with a sequence above {@code afterSeq}, in sequence order, and its leaders' raises of
     * their maximum after bid {@code afterSeq} or a later one.
     */
    public Uni<LotTail> after(UUID lot, long afterSeq) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<LotTail> read = Uni.createFrom().item(() -> read(lot, afterSeq))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            return context == null ? read : read.emitOn(command -> context.runOnContext(ignored -> command.run()));
        });
    }

    private LotTail read(UUID lot, long afterSeq) {
        long deadline = System.nanoTime() + config.kafkaTimeout().toNanos();
        KafkaConsumer<String, String> consumer = consumer(lot);
        try {
            TopicPartition partition = partitionOf(consumer, lot, left(deadline));
            Set<TopicPartition> partitions = Set.of(partition);
            consumer.assign(partitions);
            long end = consumer.endOffsets(partitions, left(deadline)).get(partition);
            OffsetAndMetadata committed = consumer.committed(partitions, left(deadline)).get(partition);
            if (committed != null) {
                consumer.seek(partition, committed.offset());
            } else {
                consumer.seekToBeginning(partitions);
            }
            Map<Long, BidAccepted> found = new HashMap<>();
            Set<MaximumRaised> raises = new HashSet<>();
            String key = lot.toString();
            while (consumer.position(partition, left(deadline)) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(left(deadline))) {
                    if (record.offset() < end && key.equals(record.key())) {
                        Object event = parse(record);
                        if (event instanceof BidAccepted bid && bid.seq() > afterSeq) {
                            found.put(bid.seq(), bid);
                        } else if (event instanceof MaximumRaised raise && raise.afterSeq() >= afterSeq) {
                            raises.add(raise);
                        }
                    }
                }
            }
            List<BidAccepted> bids = new ArrayList<>(found.values());
            bids.sort((a, b) -> Long.compare(a.seq(), b.seq()));
            Log.infof("lot %s: %d bid(s) after seq %d and %d raise(s) of a maximum found in %s up to offset %d", lot,
                    bids.size(), afterSeq, raises.size(), partition, end);
            return new LotTail(bids, List.copyOf(raises));
        } catch (RuntimeException e) {
            Log.warnf("lot %s: its bids in Kafka could not be read to rebuild its state: %s", lot, e.toString());
            throw new ProblemException(503, "lot-state-rebuilding", "Service unavailable",
                    "The lot's live state is being rebuilt; try again in a moment", Map.of("Retry-After", "1"));
        } finally {
            // It committed nothing and joined no group: nothing to wait for (close() would wait up to 30 s).
            consumer.close(Duration.ZERO);
        }
    }

    /** The partition the relay's records of {@code lot} go to: Kafka's default partitioner on the lot key. */
    private static TopicPartition partitionOf(KafkaConsumer<String, String> consumer, UUID lot, Duration timeout) {
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.AUCTION_BIDS, timeout);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("topic " + Topics.AUCTION_BIDS + " has no partitions");
        }
        byte[] key = lot.toString().getBytes(StandardCharsets.UTF_8);
        return new TopicPartition(Topics.AUCTION_BIDS, Utils.toPositive(Utils.murmur2(key)) % partitions.size());
    }

    /** A BidAccepted or a MaximumRaised, by the record's CloudEvents type (a bid without one); null for another. */
    private static Object parse(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        String type = header == null ? BID_ACCEPTED : new String(header.value(), StandardCharsets.UTF_8);
        Class<?> eventType = switch (type) {
            case BID_ACCEPTED -> BidAccepted.class;
            case MAXIMUM_RAISED -> MaximumRaised.class;
            default -> null;
        };
        if (eventType == null) {
            Log.warnf("a record of type %s in %s, skipped: no bid nor raise", type, Topics.AUCTION_BIDS);
            return null;
        }
        try {
            return EventJson.mapper().readValue(record.value(), eventType);
        } catch (JsonProcessingException e) {
            // The bid log consumer sends such a record to its dead-letter topic; it is no bid of the log either.
            Log.warnf("not a %s in %s, skipped: %s", eventType.getSimpleName(), Topics.AUCTION_BIDS,
                    e.getOriginalMessage());
            return null;
        }
    }

    private KafkaConsumer<String, String> consumer(UUID lot) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // The bid log's group only to read its committed offset: the consumer is assigned, never subscribed, and
        // commits nothing, so it does not join or disturb that group.
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, bidLogGroup);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "auction-rebuild-" + lot);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }

    private static Duration left(long deadline) {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new IllegalStateException("out of time");
        }
        return Duration.ofNanos(nanos);
    }
}
