package dev.moa.money.hold;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import dev.moa.events.money.MoneyCommand;
import dev.moa.money.MoneyApi;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Plays auction-bidding and payment: sends commands on {@code money.commands} as their outbox relays would, and
 * taps {@code money.events} (one consumer for the whole test run, from the beginning) to read money's answers.
 */
final class MoneyCommands {

    static final UUID ESCROW = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final UUID FEES_REVENUE = UUID.fromString("00000000-0000-4000-8000-000000000003");
    static final UUID SETTLEMENT_PAYABLE = UUID.fromString("00000000-0000-4000-8000-000000000004");

    /** A record of money.events: its CloudEvents type and its data. */
    record Event(String type, String key, JsonNode data) {

        boolean answers(UUID commandId) {
            return commandId.toString().equals(data.path("commandId").asText(null));
        }
    }

    private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();
    private static Thread tap;

    private MoneyCommands() {
    }

    /** Sends {@code command} with a new CloudEvents id. */
    static void send(MoneyCommand command) {
        send(command, UUID.randomUUID().toString());
    }

    static void send(MoneyCommand command, String cloudEventId) {
        MoneyApi.publish("money.commands", "/moa/test", command, cloudEventId);
    }

    /** Every event on money.events so far that {@code match}es. */
    static List<Event> events(Predicate<Event> match) {
        startTap();
        return EVENTS.stream().filter(match).toList();
    }

    /** The events that answer {@code commandId}. */
    static List<Event> answers(UUID commandId) {
        return events(event -> event.answers(commandId));
    }

    /** Waits for the answer to {@code commandId} and returns it. */
    static Event answer(UUID commandId) {
        startTap();
        await().atMost(Duration.ofSeconds(30)).until(() -> !answers(commandId).isEmpty());
        return answers(commandId).get(0);
    }

    private static synchronized void startTap() {
        if (tap != null) {
            return;
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "money-hold-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        tap = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("money.events"));
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> EVENTS.add(new Event(
                            MoneyApi.header(record, "ce_type"), record.key(), json(record.value()))));
                }
            }
        }, "money-events-tap");
        tap.setDaemon(true);
        tap.start();
    }

    private static JsonNode json(String payload) {
        try {
            return EventJson.mapper().readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
