package dev.moa.money.report;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.money.AccountRef;
import dev.moa.events.money.Transfer;
import dev.moa.money.MoneyApi;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Speaks to the report endpoints, and moves money in ways that are announced on money.events. */
final class ReportApi {

    private ReportApi() {
    }

    /** A top-up as banking's saga would end it: a TOP_UP transfer command, so it is announced as TransferPosted. */
    static void topUp(UUID memberId, long amount) {
        long before = MoneyApi.balanceOf(memberId);
        MoneyApi.publish("money.commands", "/moa/test", new Transfer(UUID.randomUUID(),
                AccountRef.system("BANK_CLEARING"), AccountRef.member(memberId), amount, "TOP_UP", "test top-up",
                null, List.of()), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> MoneyApi.balanceOf(memberId) == before + amount);
    }

    static void remit(UUID from, String toField, UUID to, long amount) {
        MoneyApi.remit(from, "r-" + UUID.randomUUID(), Map.of(toField, to, "amount", amount)).then().statusCode(201);
    }

    static void payout(UUID by, UUID group, UUID to, long amount, String memo) {
        Map<String, Object> body = memo == null ? Map.of("toMemberId", to, "amount", amount)
                : Map.of("toMemberId", to, "amount", amount, "memo", memo);
        given().auth().oauth2(MoneyApi.token(by)).header("Idempotency-Key", "p-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(body).when().post("/groups/" + group + "/payouts")
                .then().statusCode(201);
    }

    /** What the money-by-region report shows for {@code region} in KRW (0 when it has no row). */
    static long held(String region) {
        JsonPath report = given().auth().oauth2(MoneyApi.adminToken()).get("/reports/money-by-region")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> regions = report.getList("regions");
        return regions.stream().filter(row -> region.equals(row.get("region")) && "KRW".equals(row.get("currency")))
                .mapToLong(row -> ((Number) row.get("held")).longValue()).sum();
    }

    static JsonPath groupReport(UUID member, UUID group, String period) {
        return given().auth().oauth2(MoneyApi.token(member)).get("/groups/" + group + "/reports/" + period)
                .then().statusCode(200).extract().jsonPath();
    }

    static String thisMonth() {
        return YearMonth.now(ZoneId.of("Asia/Seoul")).toString();
    }

    static String region() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes a record exactly as given (value and headers) onto {@code topic}; answers where it landed. */
    static RecordMetadata republish(String topic, String key, String value, Iterable<Header> headers) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap()), new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The offset the projections' consumer group has committed on {@code partition} (-1 for none). */
    static long committed(TopicPartition partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets("money-projections")
                    .partitionsToOffsetAndMetadata().get().get(partition);
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records of the projections' dead-letter topic whose key is {@code key}, read until one is found. */
    static List<ConsumerRecord<String, String>> deadLetters(Duration timeout, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "money-dlq-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("money.events.projections.dead-letter"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static String bootstrap() {
        return DevStackResource.stack().kafka().bootstrapServers();
    }
}
