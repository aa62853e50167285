package dev.moa.auction.bid;

import dev.moa.auction.AuctionConfig;
import dev.moa.auction.live.LotKeys;
import dev.moa.auction.live.StreamedBid;
import dev.moa.chassis.outbox.OutboxRelayLifecycle;
import dev.moa.events.EventJson;
import dev.moa.events.Topics;
import dev.moa.events.auction.AuctionEvent;
import dev.moa.events.auction.BidAccepted;
import dev.moa.events.auction.MaximumRaised;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves accepted bids from each live lot's Redis stream to Kafka {@code auction.bids} (key = lot, CloudEvents id
 * derived from lot and seq), at least once. It reads through the stream's consumer group {@code relay}: an entry is
 * acknowledged in Redis only after Kafka acknowledged it, so a relay that dies leaves its entries pending, and another
 * relay (or itself, restarted under a new name) takes them over after {@code moa.auction.relay.claim-after}. Several
 * instances share the work. The bid log consumer is idempotent by (lot, seq), so a bid sent twice is logged once.
 * A leader's raise of their maximum (an entry of its own in the stream, see {@link StreamedBid}) goes the same way as
 * a MaximumRaised, in order with the lot's bids, its id derived from lot, bidder, the bid it follows and the maximum.
 *
 * <p>Runs on a thread of its own (blocking Redis and Kafka calls), never on an event loop.
 */
@ApplicationScoped
public class BidRelay {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final RedisDataSource redis;
    private final AuctionConfig.Relay config;
    private final MeterRegistry meters;
    private final String bootstrapServers;
    private final String consumer;
    private final AtomicLong relayed = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private Producer<String, byte[]> producer;
    private long lastClaim;

    public BidRelay(RedisDataSource redis, AuctionConfig config, MeterRegistry meters,
                    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                    @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.redis = redis;
        this.config = config.relay();
        this.meters = meters;
        this.bootstrapServers = bootstrapServers;
        this.consumer = applicationName + "-" + UUID.randomUUID();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("bid relay disabled on this instance");
            return;
        }
        FunctionCounter.builder("moa.auction.bids.relayed", relayed, AtomicLong::get)
                .description("Accepted bids (and leaders' raises of their maximum) relayed from Redis to Kafka")
                .register(meters);
        running = true;
        thread = new Thread(this::run, "moa-bid-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public long relayedCount() {
        return relayed.get();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                if (round() == 0) {
                    sleep(config.idlePause());
                }
                backoff = Duration.ofMillis(100);
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                Log.warnf("bid relay: round failed, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
                discardProducer();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
        discardProducer();
    }

    /** One pass over the live lots; how many bids it relayed. */
    int round() {
        boolean claim = System.currentTimeMillis() - lastClaim >= config.claimAfter().toMillis() / 2;
        int moved = 0;
        for (String lot : redis.set(String.class).smembers(LotKeys.LIVE_LOTS)) {
            moved += drainIsolated(UUID.fromString(lot), claim);
        }
        if (claim) {
            lastClaim = System.currentTimeMillis();
        }
        return moved;
    }

    /**
     * One lot's trouble stays that lot's: a stream that lost its relay group (Redis lost the lot's keys) gets the
     * group back if the lot is live, or leaves the list if nothing of it is left; other lots are relayed meanwhile.
     * Kafka failures are everyone's and go up to the round's back-off.
     */
    private int drainIsolated(UUID lot, boolean claim) {
        try {
            return drain(lot, claim);
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("NOGROUP")) {
                throw e;
            }
            if (redis.key().exists(LotKeys.state(lot))) {
                try {
                    redis.execute("XGROUP", "CREATE", LotKeys.stream(lot), LotKeys.RELAY_GROUP, "0", "MKSTREAM");
                } catch (RuntimeException created) {
                    Log.debugf("bid relay: group of lot %s: %s", lot, created.getMessage());
                }
            } else {
                redis.set(String.class).srem(LotKeys.LIVE_LOTS, lot.toString());
            }
            Log.warnf("bid relay: lot %s had no relay group: %s", lot, e.getMessage());
            return 0;
        }
    }

    private int drain(UUID lot, boolean claim) {
        StreamCommands<String, String, String> streams = redis.stream(String.class);
        String stream = LotKeys.stream(lot);
        List<StreamMessage<String, String, String>> entries = new ArrayList<>();
        if (claim) {
            entries.addAll(streams.xautoclaim(stream, LotKeys.RELAY_GROUP, consumer, config.claimAfter(), "0-0",
                    config.batch()).getMessages());
        }
        // First what this relay read and did not get acknowledged, then new entries.
        entries.addAll(streams.xreadgroup(LotKeys.RELAY_GROUP, consumer, stream, "0",
                new XReadGroupArgs().count(config.batch())));
        if (entries.isEmpty()) {
            entries.addAll(streams.xreadgroup(LotKeys.RELAY_GROUP, consumer, stream, ">",
                    new XReadGroupArgs().count(config.batch())));
        }
        if (entries.isEmpty()) {
            retireIfDone(lot, stream);
            return 0;
        }
        send(lot, entries);
        streams.xack(stream, LotKeys.RELAY_GROUP, entries.stream().map(StreamMessage::id).toArray(String[]::new));
        relayed.addAndGet(entries.size());
        return entries.size();
    }

    /**
     * A lot that no longer takes bids, with nothing left to relay, leaves the relay's list. A lot whose state Redis
     * lost looks the same until a bid rebuilds it, and the rebuild puts the lot back on the list after loading the
     * state: should that come between the look at the status and the removal, the removal would win and the lot's next
     * bids stay in its stream. So the status is read again after the removal, and a lot that takes bids goes back.
     */
    private void retireIfDone(UUID lot, String stream) {
        if (takesNoBids(lot)
                && redis.stream(String.class).xpending(stream, LotKeys.RELAY_GROUP).getPendingCount() == 0) {
            redis.set(String.class).srem(LotKeys.LIVE_LOTS, lot.toString());
            if (!takesNoBids(lot)) {
                redis.set(String.class).sadd(LotKeys.LIVE_LOTS, lot.toString());
            }
        }
    }

    private boolean takesNoBids(UUID lot) {
        String status = redis.hash(String.class).hget(LotKeys.state(lot), "status");
        return status == null || "CLOSED".equals(status) || "CANCELED".equals(status);
    }

    private void send(UUID lot, List<StreamMessage<String, String, String>> entries) {
        if (producer == null) {
            producer = OutboxRelayLifecycle.createProducer(bootstrapServers, consumer, SEND_TIMEOUT);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(entries.size());
        for (StreamMessage<String, String, String> entry : entries) {
            acks.add(producer.send(record(StreamedBid.toEvent(lot, entry.payload()))));
        }
        producer.flush();
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge a bid: " + e.getMessage(), e);
            }
        }
    }

    /** The CloudEvents id of a bid: the same for every relay of it. */
    public static String eventId(UUID lot, long seq) {
        return UUID.nameUUIDFromBytes(("bid:" + lot + ":" + seq).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The CloudEvents id of a raise of a maximum: the same for every relay of it. A leader raises their maximum after a
     * given bid to a given amount at most once (each raise is above the one before), so these name it.
     */
    public static String eventId(MaximumRaised raise) {
        return UUID.nameUUIDFromBytes(("max:" + raise.lotId() + ":" + raise.bidderId() + ":" + raise.afterSeq() + ":"
                + raise.maximum()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ProducerRecord<String, byte[]> record(AuctionEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        if (event instanceof MaximumRaised raise) {
            header(headers, "ce_id", eventId(raise));
            header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(raise.raisedAt()));
        } else {
            BidAccepted bid = (BidAccepted) event;
            header(headers, "ce_id", eventId(bid.lotId(), bid.seq()));
            header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(bid.acceptedAt()));
        }
        header(headers, "ce_type", event.eventType());
        header(headers, "ce_source", "/moa/auction-bidding");
        header(headers, "ce_subject", event.subject());
        header(headers, "content-type", "application/json");
        try {
            return new ProducerRecord<>(Topics.AUCTION_BIDS, null, event.subject(),
                    EventJson.mapper().writeValueAsBytes(event), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                Log.debugf("bid relay producer did not close cleanly: %s", e.getMessage());
            }
            producer = null;
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
