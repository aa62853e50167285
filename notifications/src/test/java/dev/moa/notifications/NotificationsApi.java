package dev.moa.notifications;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import dev.moa.events.MoaEvent;
import dev.moa.events.Topics;
import dev.moa.events.membership.GroupCreated;
import dev.moa.events.membership.GroupMemberJoined;
import dev.moa.events.membership.MemberRegistered;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Plays the other services (their events, on the real broker, as their outbox relays publish them), speaks to
 * notifications over HTTP as an app does, reads the mails the real SMTP server received and looks into the database.
 */
public final class NotificationsApi {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private static KafkaProducer<String, String> producer;

    private NotificationsApi() {
    }

    /** A new member as membership announces one; returns once notifications keeps their recipient copy. */
    public static UUID newMember(String locale) {
        UUID memberId = UUID.randomUUID();
        publish(Topics.MEMBERSHIP_EVENTS, new MemberRegistered(memberId, emailOf(memberId), nameOf(memberId),
                "SEOUL", locale, Instant.now()));
        await().atMost(WAIT).until(() -> count("select count(*) from recipients where member_id = ?", memberId) == 1);
        return memberId;
    }

    /** A group created by {@code owner}, as membership announces it; returns once notifications knows it. */
    public static UUID newGroup(UUID owner, String name) {
        UUID groupId = UUID.randomUUID();
        publish(Topics.MEMBERSHIP_EVENTS, new GroupCreated(groupId, name, owner, Instant.now()));
        publish(Topics.MEMBERSHIP_EVENTS, new GroupMemberJoined(groupId, owner, "OWNER", Instant.now()));
        await().atMost(WAIT).until(() -> count("select count(*) from group_roles where group_id = ?", groupId) == 1);
        return groupId;
    }

    public static void join(UUID groupId, UUID memberId, String role) {
        publish(Topics.MEMBERSHIP_EVENTS, new GroupMemberJoined(groupId, memberId, role, Instant.now()));
        await().atMost(WAIT).until(() -> count("select count(*) from group_roles where group_id = ? and member_id = ?",
                groupId, memberId) == 1);
    }

    public static String emailOf(UUID memberId) {
        return "m-" + memberId.toString().substring(0, 8) + "@example.com";
    }

    public static String nameOf(UUID memberId) {
        return "Kim " + memberId.toString().substring(0, 4);
    }

    public static String token(UUID memberId) {
        return DevStackResource.stack().tokenKeys().mint(memberId.toString(), "MEMBER");
    }

    public static RequestSpecification as(UUID memberId) {
        return given().auth().oauth2(token(memberId));
    }

    /** Publishes {@code event} with a fresh CloudEvents id; returns the id. */
    public static String publish(String topic, MoaEvent event) {
        String eventId = UUID.randomUUID().toString();
        publish(topic, event, eventId);
        return eventId;
    }

    /** Publishes {@code event} on {@code topic} as a sender's outbox relay would (binary CloudEvent keyed by subject). */
    public static void publish(String topic, MoaEvent event, String eventId) {
        try {
            publishRaw(topic, event.subject(), event.eventType(), eventId,
                    EventJson.mapper().writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes any payload with the CloudEvents headers given (null: header left out). */
    public static synchronized void publishRaw(String topic, String key, String type, String eventId, String payload) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    DevStackResource.stack().kafka().bootstrapServers()), new StringSerializer(),
                    new StringSerializer());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_source", bytes("/moa/test"))
                .add("content-type", bytes("application/json"));
        if (eventId != null) {
            record.headers().add("ce_id", bytes(eventId));
        }
        if (type != null) {
            record.headers().add("ce_type", bytes(type));
        }
        if (key != null) {
            record.headers().add("ce_subject", bytes(key));
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** The mails the SMTP server received for {@code memberId}. */
    public static List<MimeMessage> mailsTo(UUID memberId) {
        String address = emailOf(memberId);
        return Arrays.stream(MailServerResource.server().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
    }

    /** Waits for exactly {@code expected} mails to {@code memberId} whose subject contains {@code subject}. */
    public static List<MimeMessage> awaitMails(UUID memberId, String subject, int expected) {
        await().atMost(WAIT).until(() -> withSubject(memberId, subject).size() >= expected);
        return withSubject(memberId, subject);
    }

    public static List<MimeMessage> withSubject(UUID memberId, String subject) {
        return mailsTo(memberId).stream().filter(message -> {
            try {
                return message.getSubject().contains(subject);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Sets the member's e-mail and in-app channels of {@code category}. */
    public static void preference(UUID memberId, String category, boolean email, boolean inApp) {
        as(memberId).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("preferences", List.of(Map.of("category", category, "email", email, "inApp", inApp))))
                .put("/notifications/preferences").then().statusCode(200);
    }

    /** Waits until notifications has handled event {@code eventId} (its inbox row committed). */
    public static void awaitHandled(String eventId) {
        await().atMost(WAIT).until(() -> count(
                "select count(*) from moa_inbox where consumer = 'notifications' and event_id = ?", eventId) == 1);
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

    public static Connection connect() throws java.sql.SQLException {
        return DevStackResource.stack().postgres().connect("moa_notifications");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
