package dev.moa.payment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import dev.moa.events.MoaEvent;
import dev.moa.events.Topics;
import dev.moa.events.money.HoldCaptureFailed;
import dev.moa.events.money.HoldCaptured;
import dev.moa.events.money.TransferPosted;
import dev.moa.events.money.TransferRejected;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Plays money over the real broker, the way money does it: reads {@code money.commands} (one consumer for the test
 * run, from the beginning), applies each command once per command id (a command sent again is not applied or answered
 * again, as money's inbox does), and answers on {@code money.events} as money's relay writes them. Which commands
 * money refuses is set per hold or per debited member; answers can be held back to open a window between the charge
 * and payment's recording of it.
 */
public final class FakeMoney {

    /** A record of money.commands as it arrived: type, CloudEvents id, data. */
    public record Command(String type, String eventId, JsonNode data) {

        public UUID commandId() {
            return UUID.fromString(data.path("commandId").asText());
        }
    }

    private static final List<Command> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Set<UUID> SEEN = ConcurrentHashMap.newKeySet();
    private static final Set<UUID> CHARGED = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> REFUSALS = new ConcurrentHashMap<>();
    private static final Set<UUID> HELD_BACK = ConcurrentHashMap.newKeySet();
    private static final Map<UUID, MoaEvent> ANSWERS = new ConcurrentHashMap<>();
    private static Thread tap;

    private FakeMoney() {
    }

    public static synchronized void start() {
        if (tap != null) {
            return;
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fake-money-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        tap = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.MONEY_COMMANDS));
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(FakeMoney::received);
                }
            }
        }, "fake-money");
        tap.setDaemon(true);
        tap.start();
    }

    /** Money refuses what debits this member's wallet or captures this hold, with {@code reason}. */
    public static void refuse(UUID holdOrMember, String reason) {
        REFUSALS.put(holdOrMember.toString(), reason);
    }

    /** Money accepts again what {@link #refuse} made it refuse. */
    public static void allow(UUID holdOrMember) {
        REFUSALS.remove(holdOrMember.toString());
    }

    /** Commands that capture this hold or debit this member are applied but answered only on {@link #release}. */
    public static void holdBackAnswers(UUID holdOrMember) {
        HELD_BACK.add(holdOrMember);
    }

    public static void release(UUID holdOrMember) {
        HELD_BACK.remove(holdOrMember);
        RECEIVED.stream().filter(c -> concerns(c, holdOrMember.toString())).map(Command::commandId).distinct()
                .map(ANSWERS::get).filter(java.util.Objects::nonNull)
                .forEach(answer -> PaymentApi.publish(Topics.MONEY_EVENTS, answer));
    }

    /** Every record of money.commands that names {@code holdOrMember} (as hold or debited or credited wallet). */
    public static List<Command> commandsFor(UUID holdOrMember) {
        return RECEIVED.stream().filter(c -> concerns(c, holdOrMember.toString())).toList();
    }

    /** Distinct commands that moved money (posted, not refused) and name {@code holdOrMember}. */
    public static long appliedFor(UUID holdOrMember) {
        return RECEIVED.stream().filter(c -> concerns(c, holdOrMember.toString())).map(Command::commandId)
                .distinct().filter(CHARGED::contains).count();
    }

    public static Command awaitCommand(UUID holdOrMember) {
        start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !commandsFor(holdOrMember).isEmpty());
        return commandsFor(holdOrMember).get(0);
    }

    /** The answer money gave to {@code commandId}, to deliver again. */
    public static MoaEvent answerTo(UUID commandId) {
        return ANSWERS.get(commandId);
    }

    private static boolean concerns(Command command, String id) {
        JsonNode data = command.data();
        return id.equals(data.path("holdId").asText(null))
                || id.equals(data.path("debit").path("ownerId").asText(null))
                || id.equals(data.path("credit").path("ownerId").asText(null));
    }

    private static void received(ConsumerRecord<String, String> record) {
        String type = PaymentApi.header(record, "ce_type");
        Command command;
        try {
            command = new Command(type, PaymentApi.header(record, "ce_id"),
                    EventJson.mapper().readTree(record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RECEIVED.add(command);
        if (!SEEN.add(command.commandId())) {
            return;
        }
        MoaEvent answer = answer(command);
        ANSWERS.put(command.commandId(), answer);
        if (answer instanceof HoldCaptured || answer instanceof TransferPosted) {
            CHARGED.add(command.commandId());
        }
        boolean heldBack = HELD_BACK.stream().anyMatch(id -> concerns(command, id.toString()));
        if (!heldBack) {
            PaymentApi.publish(Topics.MONEY_EVENTS, answer);
        }
    }

    private static MoaEvent answer(Command command) {
        JsonNode data = command.data();
        Instant now = Instant.now();
        String refusal = REFUSALS.entrySet().stream().filter(e -> concerns(command, e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        UUID commandId = command.commandId();
        if ("dev.moa.money.command.CaptureHold".equals(command.type())) {
            UUID holdId = UUID.fromString(data.path("holdId").asText());
            UUID transferId = UUID.fromString(data.path("transferId").asText());
            return refusal != null
                    ? new HoldCaptureFailed(holdId, transferId, refusal, "refused by the test", commandId, now)
                    : new HoldCaptured(holdId, transferId, UUID.randomUUID(), UUID.randomUUID(),
                    data.path("amount").asLong(), 0, UUID.randomUUID(), null, List.of(), commandId, now);
        }
        return refusal != null
                ? new TransferRejected(commandId, refusal, "refused by the test", now)
                : new TransferPosted(commandId, UUID.randomUUID(), null, UUID.randomUUID(), null,
                data.path("amount").asLong(), "KRW", data.path("kind").asText(), data.path("reference").asText(null),
                null, now);
    }
}
