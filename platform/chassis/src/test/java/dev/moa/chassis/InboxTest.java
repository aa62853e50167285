package dev.moa.chassis;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class InboxTest {

    private static ProducerRecord<String, String> credit(String eventId, String account, long amount) {
        ProducerRecord<String, String> record = new ProducerRecord<>("chassis.probe-credits", account,
                "{\"account\":\"" + account + "\",\"amount\":" + amount + "}");
        record.headers()
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", eventId.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "dev.moa.chassis-test.ProbeCredited".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/moa/chassis-test".getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void redeliveredEventHasOneEffect() throws Exception {
        String account = "inbox-" + UUID.randomUUID();
        String once = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ChassisStack.stack().kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            // The same event three times, as a relay retry after a lost acknowledgement delivers it.
            producer.send(credit(once, account, 300)).get();
            producer.send(credit(once, account, 300)).get();
            producer.send(credit(other, account, 45)).get();
            producer.send(credit(once, account, 300)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() ->
                ChassisStack.queryLong("select count(*) from probe_credit_log where name = ?", account) == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                ChassisStack.queryLong("select balance from probe_account where name = ?", account) == 345);
        assertThat(ChassisStack.queryLong("select count(*) from moa_inbox where event_id in (?, ?)", once, other))
                .isEqualTo(2);
    }
}
