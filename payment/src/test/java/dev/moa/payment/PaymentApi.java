package dev.moa.payment;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import dev.moa.events.MoaEvent;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Plays the other services over the real broker (auction-bidding's events, as its outbox relay writes them), speaks to
 * payment over HTTP as a client does, and looks into payment's database to check what happened.
 */
public final class PaymentApi {

    private static KafkaProducer<String, String> producer;

    private PaymentApi() {
    }

    public static String token(UUID memberId, String... roles) {
        return DevStackResource.stack().tokenKeys().mint(memberId.toString(), roles.length == 0
                ? new String[]{"MEMBER"} : roles);
    }

    /** A request as {@code memberId} with {@code roles} (MEMBER when none). */
    public static RequestSpecification as(UUID memberId, String... roles) {
        return given().auth().oauth2(token(memberId, roles));
    }

    /** Publishes {@code event} on {@code topic} as its sender's outbox relay would (binary CloudEvent by subject). */
    public static synchronized void publish(String topic, MoaEvent event, String eventId) {
        try {
            String payload = EventJson.mapper().writeValueAsString(event);
            publishRaw(topic, event.subject(), event.eventType(), payload, eventId);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes {@code event} with a new CloudEvents id; returns the id. */
    public static String publish(String topic, MoaEvent event) {
        String eventId = UUID.randomUUID().toString();
        publish(topic, event, eventId);
        return eventId;
    }

    public static synchronized void publishRaw(String topic, String key, String type, String payload, String eventId) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    DevStackResource.stack().kafka().bootstrapServers()), new StringSerializer(),
                    new StringSerializer());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(eventId))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("/moa/test"))
                .add("ce_subject", bytes(key))
                .add("content-type", bytes("application/json"));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
    }

    /** Waits until payment's {@code consumer} has handled event {@code eventId} (its inbox record committed). */
    public static void awaitHandled(String consumer, String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from moa_inbox "
                + "where consumer = ? and event_id = ?", consumer, eventId) == 1);
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

    /** Events of payment's outbox on {@code topic} of {@code type} whose subject is {@code subject}. */
    public static long outboxed(String topic, String type, Object subject) {
        return count("select count(*) from moa_outbox where topic = ? and event_type = ? and subject = ?", topic, type,
                subject.toString());
    }

    public static Connection connect() throws java.sql.SQLException {
        return DevStackResource.stack().postgres().connect("moa_payment");
    }

    /** Records of {@code topic} from the beginning until one matches {@code match}, or 30 seconds. */
    public static List<ConsumerRecord<String, String>> readUntil(String topic,
                                                                 Predicate<ConsumerRecord<String, String>> match) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "payment-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.stream().noneMatch(match) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found.stream().filter(match).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
