package dev.moa.money;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import dev.moa.events.MoaEvent;
import dev.moa.events.membership.GroupCreated;
import dev.moa.events.membership.GroupMemberJoined;
import dev.moa.events.membership.MemberRegistered;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Plays membership (its events, on the real broker), speaks to money over HTTP as a client does, and looks into
 * money's database and topic to check what happened.
 */
public final class MoneyApi {

    public static final UUID BANK_CLEARING = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private static KafkaProducer<String, String> producer;

    private MoneyApi() {
    }

    /** A new member as membership announces one; returns once money has opened the wallet. */
    public static UUID newMember() {
        return newMember("SEOUL");
    }

    /** A new member of {@code region}; returns once money has opened the wallet. */
    public static UUID newMember(String region) {
        UUID memberId = UUID.randomUUID();
        publish(new MemberRegistered(memberId, "m-" + memberId.toString().substring(0, 8) + "@example.com",
                "Member", region, "ko", Instant.now()), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> walletOf(memberId) != null);
        return memberId;
    }

    public static String emailOf(UUID memberId) {
        return "m-" + memberId.toString().substring(0, 8) + "@example.com";
    }

    public static String token(UUID memberId) {
        return DevStackResource.stack().tokenKeys().mint(memberId.toString(), "MEMBER");
    }

    /** A token of a new administrator. */
    public static String adminToken() {
        return DevStackResource.stack().tokenKeys().mint(UUID.randomUUID().toString(), "ADMIN");
    }

    /** A group with its owner, as membership announces it; returns once money has opened its wallet. */
    public static UUID newGroup(UUID owner) {
        UUID groupId = UUID.randomUUID();
        publish(new GroupCreated(groupId, "Hiking club", owner, Instant.now()), UUID.randomUUID().toString());
        publish(new GroupMemberJoined(groupId, owner, "OWNER", Instant.now()), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from accounts a join group_roles r on r.group_id = a.owner_id "
                        + "where a.owner_id = ? and r.member_id = ?", groupId, owner) == 1);
        return groupId;
    }

    public static void join(UUID groupId, UUID memberId, String role) {
        publish(new GroupMemberJoined(groupId, memberId, role, Instant.now()), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from group_roles where group_id = ? and member_id = ? and role = ?",
                groupId, memberId, role) == 1);
    }

    /** Publishes an event of membership's as its outbox relay would (binary CloudEvent keyed by subject). */
    public static void publish(MoaEvent event, String eventId) {
        publish("membership.events", "/moa/membership", event, eventId);
    }

    /** Publishes {@code event} on {@code topic} as a sender's outbox relay would (binary CloudEvent keyed by subject). */
    public static synchronized void publish(String topic, String source, MoaEvent event, String eventId) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    DevStackResource.stack().kafka().bootstrapServers()), new StringSerializer(),
                    new StringSerializer());
        }
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(),
                    EventJson.mapper().writeValueAsString(event));
            record.headers()
                    .add("ce_specversion", bytes("1.0"))
                    .add("ce_id", bytes(eventId))
                    .add("ce_type", bytes(event.eventType()))
                    .add("ce_source", bytes(source))
                    .add("ce_subject", bytes(event.subject()))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
    }

    /** Puts money in a wallet the way a completed top-up does: from bank clearing, through the posting function. */
    public static void fund(UUID memberId, long amount) {
        UUID wallet = walletOf(memberId);
        try (Connection connection = connect();
             PreparedStatement post = connection.prepareStatement(
                     "select moa_post_transfer(?, ?, ?, ?, 'TOP_UP', 'test funding', null, null)")) {
            post.setObject(1, UUID.randomUUID());
            post.setObject(2, BANK_CLEARING);
            post.setObject(3, wallet);
            post.setLong(4, amount);
            try (ResultSet result = post.executeQuery()) {
                result.next();
                if (!"POSTED".equals(result.getString(1))) {
                    throw new IllegalStateException("funding refused: " + result.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response remit(UUID from, String key, Map<String, Object> body) {
        return given().auth().oauth2(token(from)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/remittances");
    }

    public static UUID walletOf(UUID ownerId) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("select id from accounts where owner_id = ?")) {
            query.setObject(1, ownerId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? (UUID) result.getObject(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long balanceOf(UUID ownerId) {
        return count("select credits_posted - debits_posted from accounts where owner_id = ?", ownerId);
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a statement that changes rows, for a test that must set up a state no API reaches; answers the count. */
    public static int execute(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws java.sql.SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    public static Connection connect() throws java.sql.SQLException {
        return DevStackResource.stack().postgres().connect("moa_money");
    }

    /** Records of {@code money.events} read from the beginning until {@code done} holds, or the timeout. */
    public static List<ConsumerRecord<String, String>> moneyEvents(Duration timeout,
                                                                   Predicate<List<ConsumerRecord<String, String>>> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "money-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("money.events"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
