package dev.moa.auction.bid;

import dev.moa.auction.live.LotKeys;
import dev.moa.devstack.DevStackResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.bidLog;
import static dev.moa.auction.AuctionApi.lot;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.member;
import static dev.moa.auction.AuctionApi.proxy;
import static dev.moa.auction.AuctionApi.rows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A leader raising their own hidden maximum, through the API against the real Redis, Kafka and PostgreSQL: the raise
 * is durable (a MaximumRaised, a row of {@code maxima_raised}) but no bid — no sequence number, no price, no extension,
 * no row in the bid log — and the raised maximum defends the lead. Start price 10,000, a flat increment of 1,000,
 * every bidder registered with a limit of 1,000,000. In each test alice leads with a maximum of 30,000 at 16,000 after
 * bob's bid 2 of 15,000, then raises her maximum to 90,000.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class MaximumRaiseTest {

    @Inject
    RedisDataSource redis;

    private final UUID seller = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    /** A lot where alice leads at 16,000 (maximum 30,000) after bid 2; the answer to bob's bid 2. */
    private Response aliceLeadsAfterTwoBids(UUID lot) {
        proxy(alice, lot, 30_000).then().statusCode(201).body("seq", equalTo(1));
        Response second = bid(bob, lot, 15_000);
        second.then().statusCode(201).body("seq", equalTo(2)).body("status", equalTo("OUTBID"))
                .body("price", equalTo(16_000));
        return second;
    }

    private UUID liveLot() {
        return lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
    }

    @Test
    void leadersRaiseOfTheirMaximumIsNoBid() {
        UUID lot = liveLot();
        Response second = aliceLeadsAfterTwoBids(lot);

        proxy(alice, lot, 90_000).then().statusCode(201)
                .body("seq", equalTo(2)).body("status", equalTo("LEADING")).body("price", equalTo(16_000))
                .body("minimumNextBid", equalTo(17_000)).body("yourMaximum", equalTo(90_000))
                .body("maximumRaised", equalTo(true)).body("extended", equalTo(false)).body("closed", equalTo(false))
                .body("endsAt", equalTo(second.path("endsAt")));

        lot(lot, alice).then().body("bidCount", equalTo(2)).body("currentPrice", equalTo(16_000))
                .body("endsAt", equalTo(second.path("endsAt"))).body("you.yourMaximum", equalTo(90_000));
        StreamMessage<String, String, String> raise = streamed(lot).get(2);
        assertThat(raise.payload()).containsEntry("type", "max").containsEntry("bidder", alice.toString())
                .containsEntry("leaderMax", "90000").containsEntry("afterSeq", "2").doesNotContainKey("seq");
        await().atMost(Duration.ofSeconds(30)).until(() -> raisesLogged(lot).size() == 1 && bidLog(lot).size() == 2);
        assertThat(raisesLogged(lot).get(0)).containsEntry("bidder_id", alice).containsEntry("after_seq", 2L)
                .containsEntry("maximum", 90_000L);
        assertThat(bidLog(lot)).extracting(row -> row.get("seq")).containsExactly(1L, 2L);
    }

    @Test
    void raisedMaximumOutbidsAChallengerBetweenTheOldAndTheNewMaximum() {
        UUID lot = liveLot();
        aliceLeadsAfterTwoBids(lot);
        proxy(alice, lot, 90_000).then().statusCode(201).body("maximumRaised", equalTo(true));

        bid(bob, lot, 50_000).then().statusCode(201)
                .body("seq", equalTo(3)).body("status", equalTo("OUTBID")).body("price", equalTo(51_000));
        bid(bob, lot, 89_500).then().statusCode(201)
                .body("seq", equalTo(4)).body("status", equalTo("OUTBID")).body("price", equalTo(90_000));
        lot(lot, alice).then().body("you.leading", equalTo(true)).body("currentPrice", equalTo(90_000));
    }

    @Test
    void retriedRaiseWithTheSameKeyReplaysItsAnswerAndRaisesOnce() {
        UUID lot = liveLot();
        aliceLeadsAfterTwoBids(lot);

        Response first = bid(alice, lot, Map.of("maxAmount", 90_000), "raise-key-1");
        first.then().statusCode(201).body("maximumRaised", equalTo(true));
        Response again = bid(alice, lot, Map.of("maxAmount", 90_000), "raise-key-1");

        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        assertThat(streamed(lot)).filteredOn(entry -> "max".equals(entry.payload().get("type"))).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> raisesLogged(lot).size() == 1 && bidLog(lot).size() == 2);
    }

    @Test
    void raiseInsideTheSoftCloseWindowDoesNotExtendTheEnd() {
        UUID lot = lotWithBidders(seller, Duration.ofSeconds(20), Map.of("softCloseSeconds", 3600,
                "extensionSeconds", 120, "maxExtensions", 10), 1_000_000, alice, bob);
        Response second = aliceLeadsAfterTwoBids(lot);
        Instant end = Instant.parse(second.path("endsAt"));

        Response raise = proxy(alice, lot, 90_000);
        raise.then().statusCode(201).body("maximumRaised", equalTo(true)).body("extended", equalTo(false));

        assertThat(Instant.parse(raise.path("endsAt"))).isEqualTo(end);
        assertThat(Instant.parse(lot(lot, alice).path("endsAt"))).isEqualTo(end);
        // A bid at the same moment would have extended it: the window is open.
        Instant raisedAt = Instant.parse(raise.path("acceptedAt"));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(raisedAt));
        bid(bob, lot, 20_000).then().statusCode(201).body("extended", equalTo(true));
    }

    @Test
    void myBidsShowTheRaisedMaximum() {
        UUID lot = liveLot();
        aliceLeadsAfterTwoBids(lot);
        proxy(alice, lot, 90_000).then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> raisesLogged(lot).size() == 1);
        given().auth().oauth2(member(alice)).get("/bids/me").then().statusCode(200)
                .body("find { it.lotId == '" + lot + "' }.yourMaximum", equalTo(90_000))
                .body("find { it.lotId == '" + lot + "' }.leading", equalTo(true));
    }

    private List<StreamMessage<String, String, String>> streamed(UUID lot) {
        return redis.stream(String.class).xrange(LotKeys.stream(lot), StreamRange.of("-", "+"));
    }

    static List<Map<String, Object>> raisesLogged(UUID lot) {
        return rows("select * from maxima_raised where lot_id = ? order by maximum", lot);
    }
}
