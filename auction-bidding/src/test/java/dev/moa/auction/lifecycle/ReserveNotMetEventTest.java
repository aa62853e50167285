package dev.moa.auction.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.closed;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.proxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A close under the reserve names, on auction.events, the bidder who led and the price the lot reached. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class ReserveNotMetEventTest {

    private final UUID seller = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void reserveNotMetIsAnnouncedOnceWithTheHighestBidderAndTheStandingPrice() throws Exception {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of("reservePrice", 50_000), 1_000_000, alice,
                bob);
        proxy(alice, lot, 40_000).then().statusCode(201);
        long standing = bid(bob, lot, 30_000).then().statusCode(201).extract().jsonPath().getLong("price");

        assertThat(closed(lot).get("outcome")).isEqualTo("RESERVE_NOT_MET");

        await().atMost(Duration.ofSeconds(30)).until(() -> !lotClosedOnKafka(lot).isEmpty());
        List<JsonNode> events = lotClosedOnKafka(lot);
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("outcome").asText()).isEqualTo("RESERVE_NOT_MET");
        assertThat(event.path("highestBidderId").asText()).isEqualTo(alice.toString());
        assertThat(event.path("highestBid").asLong()).isEqualTo(standing).isLessThan(40_000);
        assertThat(event.has("winnerId")).isFalse();
    }

    @Test
    void soldLotNamesNoHighestBidderField() throws Exception {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of(), 1_000_000, alice, bob);
        bid(alice, lot, 20_000).then().statusCode(201);

        assertThat(closed(lot).get("outcome")).isEqualTo("SOLD");

        await().atMost(Duration.ofSeconds(30)).until(() -> !lotClosedOnKafka(lot).isEmpty());
        JsonNode event = lotClosedOnKafka(lot).get(0);
        assertThat(event.path("winnerId").asText()).isEqualTo(alice.toString());
        assertThat(event.has("highestBidderId")).isFalse();
        assertThat(event.has("highestBid")).isFalse();
    }

    /** Every LotClosed of {@code lot} on auction.events, read from the beginning. */
    private static List<JsonNode> lotClosedOnKafka(UUID lot) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<JsonNode> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("auction.events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (lot.toString().equals(record.key()) && type != null && "dev.moa.auction.LotClosed".equals(
                            new String(type.value(), StandardCharsets.UTF_8))) {
                        found.add(EventJson.mapper().readTree(record.value()));
                    }
                }
            }
        }
        return found;
    }
}
