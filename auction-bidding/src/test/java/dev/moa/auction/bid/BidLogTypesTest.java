package dev.moa.auction.bid;

import dev.moa.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.bidLog;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bid log consumer reads {@code auction.bids} by CloudEvents type: a record of a type it does not know (say, from a
 * newer producer), or one it cannot log, goes to the dead-letter topic, and the lot's bids after it are logged all the
 * same.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class BidLogTypesTest {

    @Test
    void recordOfAnUnknownTypeGoesToTheDeadLetterTopicAndTheBidsAfterItAreLogged() throws Exception {
        UUID seller = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice);
        String payload = "{\"lotId\":\"" + lot + "\",\"news\":\"" + UUID.randomUUID() + "\"}";

        publishToAuctionBids(lot, "dev.moa.auction.SomethingNew", payload);
        bid(alice, lot, 20_000).then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 1);
        assertThat(deadLetters(lot.toString())).containsExactly(payload);
    }

    /**
     * A BidAccepted without its times cannot be logged (the columns are required): it goes to the dead-letter topic on
     * its own, instead of being retried for ever in front of the lot's later bids.
     */
    @Test
    void anIncompleteBidGoesToTheDeadLetterTopicAloneAndTheBidsAfterItAreLogged() throws Exception {
        UUID seller = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        bid(alice, lot, 20_000).then().statusCode(201);
        String payload = "{\"lotId\":\"" + lot + "\",\"seq\":99,\"bidderId\":\"" + alice + "\",\"kind\":\"AMOUNT\","
                + "\"amount\":90000,\"price\":90000,\"leaderId\":\"" + alice + "\",\"leaderMax\":90000}";

        publishToAuctionBids(lot, "dev.moa.auction.BidAccepted", payload);
        bid(bob, lot, 30_000).then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 2);
        assertThat(deadLetters(lot.toString())).containsExactly(payload);
    }

    private static void publishToAuctionBids(UUID lot, String type, String payload) throws Exception {
        String servers = DevStackResource.stack().kafka().bootstrapServers();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("auction.bids", lot.toString(), payload);
            record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString())).add("ce_type", bytes(type))
                    .add("ce_source", bytes("/moa/test")).add("ce_subject", bytes(lot.toString()))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get();
        }
    }

    /** The payloads of the bid log's dead letters keyed {@code key}, read until one is there or 30 s have passed. */
    private static List<String> deadLetters(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> payloads = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("auction.bids.dead-letter"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (payloads.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        payloads.add(record.value());
                    }
                }
            }
        }
        return payloads;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
