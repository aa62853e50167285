package dev.moa.auction.bid;

import dev.moa.auction.live.LotKeys;
import dev.moa.devstack.DevStackResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.bidLog;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.proxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A lot whose state Redis lost while its stream was not relayed yet (no relay runs here): the stream alone holds its
 * bids and raises, the last bid behind more raises of its leader's maximum than one read of the stream returns.
 */
@QuarkusTest
@TestProfile(RelayTakeoverTest.RelayStopped.class)
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class StreamRebuildTest {

    private static final int RAISES = 150;

    @Inject
    RedisDataSource redis;

    @Test
    void lastBidBehindManyRaisesInTheStreamIsFoundWithTheHighestRaise() {
        UUID seller = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        proxy(alice, lot, 30_000).then().statusCode(201);
        bid(bob, lot, 15_000).then().statusCode(201).body("seq", equalTo(2)).body("price", equalTo(16_000));
        for (int i = 1; i <= RAISES; i++) {
            proxy(alice, lot, 30_000 + 100L * i).then().statusCode(201).body("maximumRaised", equalTo(true));
        }
        assertThat(bidLog(lot)).isEmpty();

        redis.key().del(LotKeys.state(lot));

        // alice's maximum is 45,000: bob's 44,500 is outbid at 45,000 (one increment over it, capped at her maximum)
        bid(bob, lot, 44_500).then().statusCode(201)
                .body("seq", equalTo(3)).body("status", equalTo("OUTBID")).body("price", equalTo(45_000));
    }
}
