package dev.moa.auction.bid;

import dev.moa.auction.FakeMoney;
import dev.moa.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.approved;
import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.closed;
import static dev.moa.auction.AuctionApi.lot;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.openLot;
import static dev.moa.auction.AuctionApi.proxy;
import static dev.moa.auction.AuctionApi.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Soft close, buy-now, reserve and the close itself: outcome, LotClosed, and the holds it voids. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class LotClosingTest {

    @jakarta.inject.Inject
    dev.moa.auction.lifecycle.LotCloser closer;

    private final UUID seller = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void lateBidsExtendTheEndUpToTheCap() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(4), Map.of("softCloseSeconds", 2, "extensionSeconds", 2,
                "maxExtensions", 2), 1_000_000, alice, bob);
        Instant end = Instant.parse(lot(lot, seller).path("endsAt"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(end.minusMillis(1_500)));

        Response first = bid(alice, lot, 20_000);
        first.then().statusCode(201).body("extended", equalTo(true));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(Instant.parse(first.path("acceptedAt"))));
        Response second = bid(bob, lot, 30_000);
        second.then().statusCode(201).body("extended", equalTo(true));
        Response third = bid(alice, lot, 40_000);
        third.then().statusCode(201).body("extended", equalTo(false));

        Instant extendedEnd = Instant.parse(second.path("endsAt"));
        assertThat(extendedEnd).isAfter(end);
        assertThat(Instant.parse(third.path("endsAt"))).isEqualTo(extendedEnd);
        Map<String, Object> row = closed(lot);
        assertThat(row.get("outcome")).isEqualTo("SOLD");
        assertThat(((java.sql.Timestamp) row.get("closed_at")).toInstant()).isEqualTo(extendedEnd);
    }

    @Test
    void bidAtTheBuyNowPriceClosesTheLotAtOnce() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of("buyNowPrice", 100_000), 1_000_000, alice,
                bob);
        bid(bob, lot, 20_000).then().statusCode(201);

        proxy(alice, lot, 150_000).then().statusCode(201)
                .body("closed", equalTo(true)).body("price", equalTo(100_000)).body("status", equalTo("LEADING"));

        bid(bob, lot, 200_000).then().statusCode(409).body("type", equalTo("https://moa.dev/problems/lot-closed"));
        Map<String, Object> row = closed(lot);
        assertThat(row.get("outcome")).isEqualTo("SOLD");
        assertThat(row.get("winner_id")).isEqualTo(alice);
        assertThat(row.get("hammer_price")).isEqualTo(100_000L);
    }

    @Test
    void lotWhoseBestMaximumStaysUnderTheReserveClosesReserveNotMetAndVoidsEveryHold() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of("reservePrice", 50_000), 1_000_000, alice,
                bob);
        proxy(alice, lot, 40_000).then().statusCode(201);
        bid(bob, lot, 30_000).then().statusCode(201);

        assertThat(closed(lot).get("outcome")).isEqualTo("RESERVE_NOT_MET");
        await().atMost(Duration.ofSeconds(30)).until(() -> FakeMoney.voidedHolds().containsAll(
                java.util.List.of(holdOf(alice, lot), holdOf(bob, lot))));
        assertThat(closedEvent(lot)).contains("\"outcome\":\"RESERVE_NOT_MET\"");
    }

    @Test
    void maximumAtOrAboveTheReserveBuysAtTheReserve() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of("reservePrice", 50_000), 1_000_000, alice);
        proxy(alice, lot, 60_000).then().statusCode(201).body("price", equalTo(10_000));

        Map<String, Object> row = closed(lot);
        assertThat(row.get("outcome")).isEqualTo("SOLD");
        assertThat(row.get("hammer_price")).isEqualTo(50_000L);
    }

    @Test
    void soldLotKeepsTheWinnersHoldVoidsTheLosersAndAnnouncesTheWinner() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of(), 1_000_000, alice, bob);
        bid(alice, lot, 20_000).then().statusCode(201);
        bid(bob, lot, 25_000).then().statusCode(201);

        Map<String, Object> row = closed(lot);
        assertThat(row.get("winner_id")).isEqualTo(bob);
        assertThat(row.get("hammer_price")).isEqualTo(25_000L);
        await().atMost(Duration.ofSeconds(30)).until(() -> FakeMoney.voidedHolds().contains(holdOf(alice, lot)));
        assertThat(FakeMoney.voidedHolds()).doesNotContain(holdOf(bob, lot));
        assertThat(closedEvent(lot)).contains("\"outcome\":\"SOLD\"", "\"winnerId\":\"" + bob + "\"",
                "\"hammerPrice\":25000", "\"holdId\":\"" + holdOf(bob, lot) + "\"");
    }

    @Test
    void soldLotNamesTheRunnerUpAtTheirMaximum() {
        UUID carol = UUID.randomUUID();
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of(), 1_000_000, alice, bob, carol);
        proxy(alice, lot, 40_000).then().statusCode(201);
        bid(carol, lot, 30_000).then().statusCode(201);
        proxy(bob, lot, 60_000).then().statusCode(201).body("status", equalTo("LEADING"));
        bid(carol, lot, 45_000).then().statusCode(201);

        assertThat(closed(lot).get("winner_id")).isEqualTo(bob);
        Map<String, Object> event = closedEventFields(lot);
        assertThat(event.get("runner_up")).isEqualTo(carol.toString());
        assertThat(event.get("runner_up_max")).isEqualTo("45000");
    }

    @Test
    void runnerUpOnAnEqualMaximumIsTheEarlierBidder() {
        UUID carol = UUID.randomUUID();
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of(), 1_000_000, alice, bob, carol);
        proxy(alice, lot, 40_000).then().statusCode(201);
        bid(carol, lot, 40_000).then().statusCode(201);
        bid(bob, lot, 50_000).then().statusCode(201);

        assertThat(closed(lot).get("winner_id")).isEqualTo(bob);
        Map<String, Object> event = closedEventFields(lot);
        assertThat(event.get("runner_up")).isEqualTo(alice.toString());
        assertThat(event.get("runner_up_max")).isEqualTo("40000");
    }

    @Test
    void soldLotWithOneBidderHasNoRunnerUp() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of(), 1_000_000, alice, bob);
        proxy(alice, lot, 40_000).then().statusCode(201);
        proxy(alice, lot, 60_000).then().statusCode(201);

        assertThat(closed(lot).get("outcome")).isEqualTo("SOLD");
        Map<String, Object> event = closedEventFields(lot);
        assertThat(event.get("runner_up")).isNull();
        assertThat(event.get("runner_up_max")).isNull();
    }

    @Test
    void aRunnerUpBelowTheReserveIsNotNamedForASecondChance() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of("reservePrice", 50_000), 1_000_000, alice,
                bob);
        bid(alice, lot, 30_000).then().statusCode(201);
        proxy(bob, lot, 70_000).then().statusCode(201);

        assertThat(closed(lot).get("outcome")).isEqualTo("SOLD");
        Map<String, Object> event = closedEventFields(lot);
        assertThat(event.get("runner_up")).isNull();
        assertThat(event.get("runner_up_max")).isNull();
    }

    @Test
    void reserveNotMetNamesNoRunnerUp() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of("reservePrice", 50_000), 1_000_000, alice,
                bob);
        proxy(alice, lot, 40_000).then().statusCode(201);
        bid(bob, lot, 30_000).then().statusCode(201);

        assertThat(closed(lot).get("outcome")).isEqualTo("RESERVE_NOT_MET");
        assertThat(closedEventFields(lot).get("runner_up")).isNull();
    }

    @Test
    void manyClosersAtOnceCloseTheLotOnceWithOneEventAndOneVoidPerHold() throws Exception {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of(), 1_000_000, alice, bob);
        bid(alice, lot, 20_000).then().statusCode(201);
        bid(bob, lot, 25_000).then().statusCode(201);
        Instant end = Instant.parse(lot(lot, seller).path("endsAt"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> Instant.now()
                .isAfter(end));

        // Eight closers at once (as eight instances would), racing the timers of this one.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        var runs = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                try {
                    return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> closer.close(lot));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        long closedHere = 0;
        for (var run : runs) {
            closedHere += run.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(closedHere).isLessThanOrEqualTo(1);
        assertThat(closed(lot).get("winner_id")).isEqualTo(bob);
        assertThat(row("select count(*) as n from moa_outbox where subject = ? and event_type = "
                + "'dev.moa.auction.LotClosed'", lot.toString()).get("n")).isEqualTo(1L);
        assertThat(row("select count(*) as n from moa_outbox where event_type = 'dev.moa.money.command.VoidHold' "
                + "and payload->>'holdId' = ?", holdOf(alice, lot)).get("n")).isEqualTo(1L);
    }

    @Test
    void lotWithoutBidsClosesUnsold() {
        UUID lot = openLot(seller, Duration.ofSeconds(2), Map.of());
        assertThat(closed(lot).get("outcome")).isEqualTo("UNSOLD");
    }

    @Test
    void bidJustAfterTheEndIsRefused() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(3), Map.of(), 1_000_000, alice);
        Instant end = Instant.parse(lot(lot, seller).path("endsAt"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().isAfter(end));

        bid(alice, lot, 20_000).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/lot-closed"));
        assertThat(closed(lot).get("outcome")).isEqualTo("UNSOLD");
    }

    private static String holdOf(UUID bidder, UUID lot) {
        return String.valueOf(row("select hold_id from registrations where lot_id = ? and bidder_id = ?", lot, bidder)
                .get("hold_id"));
    }

    private static Map<String, Object> closedEventFields(UUID lot) {
        Map<String, Object> fields = row("select payload->>'runnerUpId' as runner_up, payload->>'runnerUpMaximum' as "
                + "runner_up_max from moa_outbox where subject = ? and event_type = 'dev.moa.auction.LotClosed'",
                lot.toString());
        assertThat(fields).as("the LotClosed event").isNotEmpty();
        return fields;
    }

    private static String closedEvent(UUID lot) {
        return String.valueOf(row("select payload::text as payload from moa_outbox where subject = ? and event_type = "
                + "'dev.moa.auction.LotClosed'", lot.toString()).get("payload"));
    }
}
