package dev.moa.auction.bid;

import dev.moa.auction.live.LotKeys;
import dev.moa.devstack.DevStackResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.bidLog;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A relay that read accepted bids and died before Kafka took them leaves them pending in the lot's stream; another
 * relay (here: this instance's, which runs only when the test turns it) takes them over once they have been idle
 * for {@code claim-after}, and each reaches the bid log exactly once.
 */
@QuarkusTest
@TestProfile(RelayTakeoverTest.RelayStopped.class)
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class RelayTakeoverTest {

    /** No background relay: the test turns it by hand. */
    public static class RelayStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moa.auction.relay.enabled", "false");
        }
    }

    @Inject
    RedisDataSource redis;

    @Inject
    BidRelay relay;

    @Test
    void bidsLeftPendingByADeadRelayAreRelayedOnceByAnother() {
        UUID seller = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        bid(alice, lot, 20_000).then().statusCode(201);
        bid(bob, lot, 25_000).then().statusCode(201);
        bid(alice, lot, 30_000).then().statusCode(201);

        var taken = redis.stream(String.class).xreadgroup(LotKeys.RELAY_GROUP, "relay-that-dies",
                LotKeys.stream(lot), ">", new XReadGroupArgs().count(100));
        assertThat(taken).hasSize(3);
        relay.round();
        assertThat(bidLog(lot)).isEmpty();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            relay.round();
            return bidLog(lot).size() == 3;
        });
        relay.round();
        bid(bob, lot, 40_000).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            relay.round();
            return bidLog(lot).size() == 4;
        });
        assertThat(bidLog(lot)).extracting(row -> row.get("seq")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(redis.stream(String.class).xpending(LotKeys.stream(lot), LotKeys.RELAY_GROUP).getPendingCount())
                .isZero();
    }
}
