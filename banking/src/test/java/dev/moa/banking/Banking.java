package dev.moa.banking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.banksim.BankModel.AccountView;
import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import dev.moa.events.MoaEvent;
import dev.moa.events.membership.MemberRegistered;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Plays membership and money on the real broker (their events and commands), speaks to banking over HTTP as a client
 * does, and looks into banking's database and {@code banking.events} to check what happened.
 */
public final class Banking {

    public static final String BANK_CODE = "088";

    /** A record of a topic: its CloudEvents type and id, key, and data. */
    public record Event(String type, String id, String key, JsonNode data) {

        public boolean answers(UUID commandId) {
            return commandId.toString().equals(data.path("commandId").asText(null));
        }
    }

    private static final List<Event> BANKING_EVENTS = new CopyOnWriteArrayList<>();
    private static KafkaProducer<String, String> producer;
    private static Thread tap;

    private Banking() {
    }

    /** A member as membership announces one; returns once banking knows the name. */
    public static UUID newMember(String name) {
        UUID memberId = UUID.randomUUID();
        publish("membership.events", "/moa/membership", new MemberRegistered(memberId,
                "m-" + memberId.toString().substring(0, 8) + "@example.com", name, "SEOUL", "ko", Instant.now()),
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from members where member_id = ?",
                memberId) == 1);
        return memberId;
    }

    public static String token(UUID memberId) {
        return DevStackResource.stack().tokenKeys().mint(memberId.toString(), "MEMBER");
    }

    /** A customer account at the simulated bank. */
    public static AccountView bankAccount(String holderName, long balance) {
        return BankSimulatorResource.bank().openAccount(holderName, balance);
    }

    public static long bankBalance(AccountView account) {
        return BankSimulatorResource.bank().account(account.bankCode(), account.accountNumber()).balance();
    }

    public static long corporateBalance() {
        return BankSimulatorResource.bank().corporateAccount().balance();
    }

    public static Response link(UUID memberId, String bankCode, String accountNumber, String holderName) {
        return given().auth().oauth2(token(memberId)).contentType(ContentType.JSON)
                .body(Map.of("bankCode", bankCode, "accountNumber", accountNumber, "holderName", holderName))
                .when().post("/bank-accounts");
    }

    /** Links {@code account} for {@code memberId} (whose name it is held under) and returns the link's id. */
    public static UUID linked(UUID memberId, AccountView account) {
        Response response = link(memberId, account.bankCode(), account.accountNumber(), account.holderName());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("linking failed: " + response.statusCode() + " " + response.asString());
        }
        return UUID.fromString(response.jsonPath().getString("id"));
    }

    /** The sum of a Prometheus counter or gauge over the series whose labels contain all of {@code labels}. */
    public static double metric(String name, String... labels) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean matches = true;
            for (String label : labels) {
                matches &= line.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Publishes {@code event} as its sender's outbox relay would (binary CloudEvent keyed by subject). */
    public static void publish(String topic, String source, MoaEvent event, String eventId) {
        try {
            publishRaw(topic, event.subject(), event.eventType(), EventJson.mapper().writeValueAsString(event),
                    eventId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes any payload with CloudEvents headers ({@code type} null leaves the type header out). */
    public static synchronized void publishRaw(String topic, String key, String type, String payload, String eventId) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    DevStackResource.stack().kafka().bootstrapServers()), new StringSerializer(),
                    new StringSerializer());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(eventId))
                .add("ce_source", bytes("/moa/test")).add("content-type", bytes("application/json"));
        if (type != null) {
            record.headers().add("ce_type", bytes(type));
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Every record on banking.events so far that {@code match}es. */
    public static List<Event> events(Predicate<Event> match) {
        startTap();
        return BANKING_EVENTS.stream().filter(match).toList();
    }

    /** The events that answer {@code commandId}. */
    public static List<Event> answers(UUID commandId) {
        return events(event -> event.answers(commandId));
    }

    /** Waits for the answer to {@code commandId} (up to {@code within}) and returns the first. */
    public static Event answer(UUID commandId, Duration within) {
        startTap();
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> !answers(commandId).isEmpty());
        return answers(commandId).get(0);
    }

    /** Records of {@code topic} read from the beginning until {@code done} holds, or the timeout. */
    public static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records(String topic,
            Duration timeout, Predicate<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "banking-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static String text(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static int execute(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static Connection connect() throws java.sql.SQLException {
        return DevStackResource.stack().postgres().connect("moa_banking");
    }

    private static synchronized void startTap() {
        if (tap != null) {
            return;
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "banking-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        tap = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("banking.events"));
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> BANKING_EVENTS.add(new Event(
                            header(record, "ce_type"), header(record, "ce_id"), record.key(), json(record.value()))));
                }
            }
        }, "banking-events-tap");
        tap.setDaemon(true);
        tap.start();
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String payload) {
        try {
            return EventJson.mapper().readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
