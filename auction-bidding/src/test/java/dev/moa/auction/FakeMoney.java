package dev.moa.auction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import dev.moa.events.MoaEvent;
import dev.moa.events.money.HoldPlaced;
import dev.moa.events.money.HoldRejected;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * Plays money on the real broker: reads {@code money.commands} as money's consumer would and answers each PlaceHold
 * on {@code money.events} (HoldPlaced, or HoldRejected INSUFFICIENT_FUNDS for a member marked broke); records every
 * command it saw so tests can check the VoidHolds.
 */
public final class FakeMoney {

    private static final Set<UUID> BROKE = ConcurrentHashMap.newKeySet();
    private static final List<JsonNode> PLACE = new CopyOnWriteArrayList<>();
    private static final List<JsonNode> VOIDS = new CopyOnWriteArrayList<>();
    private static Thread thread;
    private static volatile boolean assigned;
    private static KafkaProducer<String, String> producer;

    private FakeMoney() {
    }

    public static synchronized void start() {
        if (thread != null) {
            return;
        }
        String servers = DevStackResource.stack().kafka().bootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer());
        thread = new Thread(() -> answer(servers), "fake-money");
        thread.setDaemon(true);
        thread.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> assigned);
    }

    /** The member's wallet will refuse holds. */
    public static void broke(UUID member) {
        BROKE.add(member);
    }

    /** The hold ids of every VoidHold money was sent. */
    public static List<String> voidedHolds() {
        return VOIDS.stream().map(command -> command.path("holdId").asText()).toList();
    }

    /** The PlaceHold commands money was sent for {@code member}. */
    public static List<JsonNode> holdsAskedFor(UUID member) {
        return PLACE.stream().filter(c -> c.path("ownerId").asText().equals(member.toString())).toList();
    }

    private static void answer(String servers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "fake-money-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("money.commands"));
            while (true) {
                assigned = assigned || !consumer.assignment().isEmpty();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    handle(record);
                }
            }
        }
    }

    private static void handle(ConsumerRecord<String, String> record) {
        try {
            String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
            JsonNode command = EventJson.mapper().readTree(record.value());
            if (type.endsWith("VoidHold")) {
                VOIDS.add(command);
            } else if (type.endsWith("PlaceHold")) {
                PLACE.add(command);
                UUID owner = UUID.fromString(command.path("ownerId").asText());
                UUID hold = UUID.fromString(command.path("holdId").asText());
                UUID commandId = UUID.fromString(command.path("commandId").asText());
                long amount = command.path("amount").asLong();
                publish(BROKE.contains(owner)
                        ? new HoldRejected(hold, null, owner, amount, "INSUFFICIENT_FUNDS", "too poor", commandId,
                        Instant.now())
                        : new HoldPlaced(hold, UUID.randomUUID(), owner, amount,
                        Instant.parse(command.path("expiresAt").asText()), command.path("reference").asText(),
                        commandId, Instant.now()));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(MoaEvent event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("money.events", event.subject(),
                EventJson.mapper().writeValueAsString(event));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_type", bytes(event.eventType()))
                .add("ce_source", bytes("/moa/money"))
                .add("ce_subject", bytes(event.subject()))
                .add("content-type", bytes("application/json"));
        producer.send(record).get();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
