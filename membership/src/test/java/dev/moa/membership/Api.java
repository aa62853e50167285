package dev.moa.membership;

import dev.moa.devstack.DevStackResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Speaks to membership over HTTP as a client does, and looks into its real servers to check what happened. */
public final class Api {

    public static final String PASSWORD = "correct horse battery staple 7";
    public static final String ADMIN_EMAIL = "root@moa.test";
    public static final String ADMIN_PASSWORD = "Root-pass-for-tests-0001";

    private Api() {
    }

    public static String uniqueEmail() {
        return "m-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    public static Response signUp(String email, String password, String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "name", name, "region", "SEOUL", "locale", "ko"))
                .when().post("/members");
    }

    /** Signs up a new member and returns its id. */
    public static String newMember(String email) {
        return signUp(email, PASSWORD, "Minji Kim").then().statusCode(201).extract().path("id");
    }

    public static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/auth/login");
    }

    public static String accessToken(String email, String password) {
        return login(email, password).then().statusCode(200).extract().path("accessToken");
    }

    public static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/auth/refresh");
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = DevStackResource.stack().postgres().connect("moa_membership");
             PreparedStatement statement = connection.prepareStatement(sql)) {
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

    /** Forgets login failures counted for this test JVM's address, so tests do not throttle each other. */
    public static void forgetLoginFailures() {
        redis("DEL moa:login:fail:addr:127.0.0.1");
    }

    static String redis(String command) {
        URI uri = URI.create(DevStackResource.stack().redis().url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (Exception e) {
            throw new IllegalStateException(command, e);
        }
    }

    /**
     * Records of {@code membership.events} about {@code subject}: read from the beginning until {@code expected} have
     * arrived (or 60 s passed), then {@code linger} longer, so that a duplicate would show up too.
     */
    public static List<ConsumerRecord<String, String>> eventsAbout(String subject, int expected, Duration linger) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "membership-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("membership.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long lingerUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, lingerUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (subject.equals(record.key())) {
                        records.add(record);
                    }
                });
                if (records.size() >= expected && lingerUntil == Long.MAX_VALUE) {
                    lingerUntil = System.nanoTime() + linger.toNanos();
                }
            }
        }
        return records;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
