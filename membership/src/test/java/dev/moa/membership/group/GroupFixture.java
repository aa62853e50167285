package dev.moa.membership.group;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import dev.moa.events.Topics;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** Members with tokens, and the group calls and probes (database, Kafka) the group tests share. */
final class GroupFixture {

    private GroupFixture() {
    }

    /** A member known only by a token, as every service sees members. */
    record Caller(UUID id, String token) {

        static Caller fresh() {
            UUID id = UUID.randomUUID();
            return new Caller(id, DevStackResource.stack().tokenKeys().mint(id.toString(), "MEMBER"));
        }

        RequestSpecification request() {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    static ValidatableResponse createGroup(Caller owner, String name, String description) {
        return owner.request().body(Map.of("name", name, "description", description))
                .when().post("/groups").then();
    }

    /** Creates a group and returns its id. */
    static String newGroup(Caller owner) {
        return createGroup(owner, "모임 " + UUID.randomUUID().toString().substring(0, 8), "")
                .statusCode(201).extract().jsonPath().getString("id");
    }

    static ValidatableResponse invite(Caller caller, String groupId) {
        return caller.request().when().post("/groups/{id}/invites", groupId).then();
    }

    /** Creates an invite and returns its code. */
    static String newCode(Caller caller, String groupId) {
        return invite(caller, groupId).statusCode(201).extract().jsonPath().getString("code");
    }

    static ValidatableResponse join(Caller caller, String code) {
        return caller.request().body(Map.of("code", code)).when().post("/groups/join").then();
    }

    /** Brings {@code member} into the group through a fresh invite of {@code owner}. */
    static void joined(Caller owner, String groupId, Caller member) {
        join(member, newCode(owner, groupId)).statusCode(200);
    }

    static ValidatableResponse changeRole(Caller caller, String groupId, UUID memberId, String role) {
        return caller.request().body(Map.of("role", role))
                .when().put("/groups/{id}/members/{memberId}/role", groupId, memberId).then();
    }

    static ValidatableResponse transfer(Caller caller, String groupId, UUID newOwner) {
        return caller.request().body(Map.of("memberId", newOwner.toString()))
                .when().put("/groups/{id}/owner", groupId).then();
    }

    static ValidatableResponse remove(Caller caller, String groupId, UUID memberId) {
        return caller.request().when().delete("/groups/{id}/members/{memberId}", groupId, memberId).then();
    }

    static ValidatableResponse leave(Caller caller, String groupId) {
        return caller.request().when().delete("/groups/{id}/members/me", groupId).then();
    }

    static ValidatableResponse detail(Caller caller, String groupId) {
        return caller.request().when().get("/groups/{id}", groupId).then();
    }

    /** One long from a query on the membership database (JDBC, test side only). */
    static long queryLong(String sql, Object... parameters) {
        try (Connection connection = DevStackResource.stack().postgres().connect("moa_membership");
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void execute(String sql, Object... parameters) {
        try (Connection connection = DevStackResource.stack().postgres().connect("moa_membership");
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long memberCount(String groupId) {
        return queryLong("select count(*) from group_membership where group_id = ?", UUID.fromString(groupId));
    }

    /** Everything in the database that a request could have changed: groups, memberships, invites, events. */
    static List<Long> snapshot() {
        return List.of(queryLong("select count(*) from member_group"),
                queryLong("select count(*) from group_membership"),
                queryLong("select count(*) from group_invite"),
                queryLong("select count(*) from group_invite where revoked_at is not null"),
                queryLong("select count(*) from group_membership where role <> 'MEMBER'"),
                queryLong("select count(*) from moa_outbox"));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws java.sql.SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /**
     * Reads {@code membership.events} from the beginning, keeping the records whose {@code ce_subject} is
     * {@code groupId}, until {@code done} holds for them or 60 seconds pass.
     */
    static List<ConsumerRecord<String, String>> eventsOf(String groupId,
                                                         Predicate<List<ConsumerRecord<String, String>>> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "group-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.MEMBERSHIP_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (groupId.equals(header(record, "ce_subject"))) {
                        records.add(record);
                    }
                });
            }
        }
        return records;
    }

    /** Runs every task at once, each from its own client thread; returns their results in order. */
    static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(clients.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            clients.shutdownNow();
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static com.fasterxml.jackson.databind.JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }
}
