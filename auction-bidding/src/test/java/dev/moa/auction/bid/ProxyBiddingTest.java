package dev.moa.auction.bid;

import dev.moa.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.proxy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * eBay-style proxy bidding through the API against the real Redis: start price 10,000, a flat increment of 1,000
 * (the test lots' table), every bidder registered with a limit of 1,000,000.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class ProxyBiddingTest {

    private final UUID seller = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private UUID liveLot() {
        return lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
    }

    @Test
    void firstProxyBidLeadsAtTheStartPriceWithItsMaximumHidden() {
        UUID lot = liveLot();
        proxy(alice, lot, 50_000).then().statusCode(201)
                .body("seq", equalTo(1)).body("status", equalTo("LEADING")).body("price", equalTo(10_000))
                .body("minimumNextBid", equalTo(11_000)).body("yourMaximum", equalTo(50_000))
                .body("maximumRaised", equalTo(false));
    }

    @Test
    void proxyOutbidsAManualBidByOneIncrement() {
        UUID lot = liveLot();
        proxy(alice, lot, 50_000).then().statusCode(201);
        bid(bob, lot, 20_000).then().statusCode(201)
                .body("seq", equalTo(2)).body("status", equalTo("OUTBID")).body("price", equalTo(21_000))
                .body("yourMaximum", nullValue());
    }

    @Test
    void equalMaximumLosesToTheEarlierOne() {
        UUID lot = liveLot();
        proxy(alice, lot, 50_000).then().statusCode(201);
        proxy(bob, lot, 50_000).then().statusCode(201)
                .body("status", equalTo("OUTBID")).body("price", equalTo(50_000));
    }

    @Test
    void exhaustedProxyLosesTheLeadAtOneIncrementOverItsMaximum() {
        UUID lot = liveLot();
        proxy(alice, lot, 30_000).then().statusCode(201);
        proxy(bob, lot, 80_000).then().statusCode(201)
                .body("status", equalTo("LEADING")).body("price", equalTo(31_000)).body("yourMaximum", equalTo(80_000));
        bid(alice, lot, 40_000).then().statusCode(201).body("status", equalTo("OUTBID")).body("price", equalTo(41_000));
    }

    @Test
    void leaderRaisingTheirMaximumKeepsThePrice() {
        UUID lot = liveLot();
        proxy(alice, lot, 30_000).then().statusCode(201);
        bid(bob, lot, 15_000).then().statusCode(201).body("price", equalTo(16_000));
        proxy(alice, lot, 90_000).then().statusCode(201)
                .body("status", equalTo("LEADING")).body("price", equalTo(16_000)).body("yourMaximum", equalTo(90_000))
                .body("seq", equalTo(2)).body("maximumRaised", equalTo(true));
        bid(alice, lot, 95_000).then().statusCode(409)
                .body("type", equalTo("https://moa.dev/problems/already-leading"));
    }

    @Test
    void bidBelowTheNextMinimumIsRefusedWithThatMinimum() {
        UUID lot = liveLot();
        bid(alice, lot, 12_000).then().statusCode(201);
        bid(bob, lot, 12_500).then().statusCode(422).contentType("application/problem+json")
                .header("Moa-Minimum-Bid", "13000")
                .body("type", equalTo("https://moa.dev/problems/bid-too-low"));
    }
}
