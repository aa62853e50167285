package dev.moa.notifications.notice;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publishRaw;
import static org.assertj.core.api.Assertions.assertThat;

/** An event that cannot be handled goes to notifications.dead-letter with its reason; the topic keeps flowing. */
@QuarkusTest
class DeadLetterTest {

    @Test
    void unreadableEventGoesToTheDeadLetterTopicWithItsReasonAndLaterEventsStillFlow() {
        String key = "poison-" + UUID.randomUUID();
        publishRaw(Topics.MONEY_EVENTS, key, "dev.moa.money.TopUpCompleted", UUID.randomUUID().toString(),
                "{\"topUpId\": \"not a uuid\"");
        publishRaw(Topics.MONEY_EVENTS, key + "-no-id", "dev.moa.money.TopUpCompleted", null, "{}");
        publishRaw(Topics.MONEY_EVENTS, key + "-no-member", "dev.moa.money.TopUpCompleted",
                UUID.randomUUID().toString(), "{\"topUpId\": \"" + UUID.randomUUID() + "\", \"amount\": 5}");

        List<ConsumerRecord<String, String>> dead = deadLetters(Duration.ofSeconds(30), key, 3);

        assertThat(dead).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(key, key + "-no-id", key + "-no-member");
        assertThat(dead).allSatisfy(record -> assertThat(header(record, "dead-letter-topic"))
                .isEqualTo(Topics.MONEY_EVENTS));
        assertThat(dead).extracting(record -> header(record, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("not a TopUpCompleted"))
                .anySatisfy(reason -> assertThat(reason).contains("CloudEvents id"))
                .anySatisfy(reason -> assertThat(reason).contains("TopUpCompleted refused"));
        UUID member = newMember("en");
        awaitMails(member, "Welcome to Moa", 1);
    }

    @Test
    void eventTypesWithoutARuleAreSkippedNotDeadLettered() {
        String key = "skip-" + UUID.randomUUID();
        publishRaw(Topics.MONEY_EVENTS, key, "dev.moa.money.WalletOpened", UUID.randomUUID().toString(),
                "{\"skipped\": true}");
        // Same key, same partition: a poisoned marker after it is dead-lettered after the first had its turn.
        publishRaw(Topics.MONEY_EVENTS, key, "dev.moa.money.TopUpCompleted", UUID.randomUUID().toString(), "[]");

        List<ConsumerRecord<String, String>> dead = deadLetters(Duration.ofSeconds(30), key, 1);

        assertThat(dead).extracting(ConsumerRecord::value).containsExactly("[]");
    }

    /** Dead letters whose key starts with {@code prefix}, read until {@code expected} are there or time is up. */
    private static List<ConsumerRecord<String, String>> deadLetters(Duration timeout, String prefix, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("notifications.dead-letter"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
