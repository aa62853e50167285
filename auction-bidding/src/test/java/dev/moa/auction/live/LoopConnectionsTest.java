package dev.moa.auction.live;

import dev.moa.devstack.DevStackResource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.bidLog;
import static dev.moa.auction.AuctionApi.lot;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Bids go over one pipelined Redis connection per event loop; a connection Redis drops is replaced. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class LoopConnectionsTest {

    private final UUID seller = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Inject
    LoopConnections connections;

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void bidsGoOnTheLoopConnectionsAndContinueAfterRedisDropsThem() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        bid(alice, lot, 20_000).then().statusCode(201).body("seq", equalTo(1));
        assertThat(connections.lanes()).isPositive();

        // Every client connection but the one sending this: the loops' connections and the pool's.
        redis.execute("CLIENT", "KILL", "TYPE", "normal").await().atMost(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.lanes() == 0);

        bid(bob, lot, 30_000).then().statusCode(201).body("seq", equalTo(2)).body("status", equalTo("LEADING"));
        assertThat(connections.lanes()).isPositive();
        lot(lot, alice).then().statusCode(200).body("bidCount", equalTo(2)).body("currentPrice", equalTo(30_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 2);
    }

    @Test
    void aRedisThatForgotTheBidScriptIsSentItsText() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        bid(alice, lot, 20_000).then().statusCode(201).body("seq", equalTo(1));

        // As after a Redis restart without its scripts: EVALSHA answers NOSCRIPT, and the bid goes as EVAL.
        redis.execute("SCRIPT", "FLUSH").await().atMost(Duration.ofSeconds(5));
        bid(bob, lot, 30_000).then().statusCode(201).body("seq", equalTo(2)).body("status", equalTo("LEADING"));
        bid(alice, lot, 40_000).then().statusCode(201).body("seq", equalTo(3)).body("status", equalTo("LEADING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 3);
    }
}
