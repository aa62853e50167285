package dev.moa.auction.bid;

import dev.moa.auction.live.LotKeys;
import dev.moa.devstack.DevStackResource;
import io.quarkus.redis.datasource.RedisDataSource;
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
import static dev.moa.auction.AuctionApi.closed;
import static dev.moa.auction.AuctionApi.lot;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.proxy;
import static dev.moa.auction.AuctionApi.row;
import static dev.moa.auction.bid.MaximumRaiseTest.raisesLogged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A lot whose live state Redis lost takes bids again where it left off, rebuilt before the next bid is decided. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class LiveStateRebuildTest {

    @Inject
    RedisDataSource redis;

    private final UUID seller = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void lostStateAndLimitsAreRebuiltFromTheBidLog() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        proxy(alice, lot, 60_000).then().statusCode(201);
        bid(bob, lot, 30_000).then().statusCode(201).body("price", equalTo(31_000));
        bid(bob, lot, 40_000).then().statusCode(201).body("seq", equalTo(3)).body("price", equalTo(41_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 3);

        redis.key().del(LotKeys.state(lot), LotKeys.limits(lot), LotKeys.stream(lot), LotKeys.maxima(lot));

        bid(bob, lot, 41_000).then().statusCode(422).header("Moa-Minimum-Bid", "42000");
        // Each bidder still sees their own best bid, hidden from the others.
        lot(lot, alice).then().body("you.yourMaximum", equalTo(60_000));
        lot(lot, bob).then().body("you.yourMaximum", equalTo(40_000));
        proxy(bob, lot, 70_000).then().statusCode(201)
                .body("seq", equalTo(4)).body("status", equalTo("LEADING")).body("price", equalTo(61_000));
        lot(lot, bob).then().body("you.yourMaximum", equalTo(70_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 4);
    }

    @Test
    void stateLostBeforeTheBidLogCaughtUpContinuesFromTheStream() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        bid(alice, lot, 20_000).then().statusCode(201);
        bid(bob, lot, 25_000).then().statusCode(201).body("seq", equalTo(2));

        redis.key().del(LotKeys.state(lot));

        bid(alice, lot, 30_000).then().statusCode(201).body("seq", equalTo(3)).body("price", equalTo(30_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 3);
    }

    @Test
    void raisedMaximumDefendsTheLeadAfterTheStateIsRebuiltFromTheBidLog() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        aliceRaisesHerMaximumTo90000AfterBid2(lot);
        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 2 && raisesLogged(lot).size() == 1);

        redis.key().del(LotKeys.state(lot), LotKeys.limits(lot), LotKeys.stream(lot), LotKeys.maxima(lot));

        bid(bob, lot, 50_000).then().statusCode(201)
                .body("seq", equalTo(3)).body("status", equalTo("OUTBID")).body("price", equalTo(51_000));
        lot(lot, alice).then().body("you.yourMaximum", equalTo(90_000));
    }

    @Test
    void raisedMaximumDefendsTheLeadAfterTheStateIsRebuiltFromTheStream() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        aliceRaisesHerMaximumTo90000AfterBid2(lot);

        redis.key().del(LotKeys.state(lot));

        bid(bob, lot, 50_000).then().statusCode(201)
                .body("seq", equalTo(3)).body("status", equalTo("OUTBID")).body("price", equalTo(51_000));
    }

    /** Alice leads at 16,000 with a maximum of 30,000 after bob's bid 2, then raises her maximum to 90,000. */
    private void aliceRaisesHerMaximumTo90000AfterBid2(UUID lot) {
        proxy(alice, lot, 30_000).then().statusCode(201);
        bid(bob, lot, 15_000).then().statusCode(201).body("seq", equalTo(2)).body("price", equalTo(16_000));
        proxy(alice, lot, 90_000).then().statusCode(201).body("maximumRaised", equalTo(true));
    }

    @Test
    void runnerUpIsRebuiltFromTheBidLogWhenTheStateIsLostBeforeTheClose() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(5), Map.of(), 1_000_000, alice, bob);
        proxy(alice, lot, 60_000).then().statusCode(201);
        bid(bob, lot, 30_000).then().statusCode(201);
        bid(bob, lot, 40_000).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 3);

        redis.key().del(LotKeys.state(lot));

        assertThat(closed(lot).get("winner_id")).isEqualTo(alice);
        Map<String, Object> event = row("select payload->>'runnerUpId' as runner_up, payload->>'runnerUpMaximum' as "
                + "runner_up_max from moa_outbox where subject = ? and event_type = 'dev.moa.auction.LotClosed'",
                lot.toString());
        assertThat(event.get("runner_up")).isEqualTo(bob.toString());
        assertThat(event.get("runner_up_max")).isEqualTo("40000");
    }
}
