package dev.moa.auction.bid;

import dev.moa.auction.live.LotKeys;
import dev.moa.devstack.DevStackResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.bidLog;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.proxy;
import static dev.moa.auction.bid.MaximumRaiseTest.raisesLogged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Redis loses everything — the lot's state, limits and stream — while the bid log lags behind Kafka (here it never
 * reads {@code auction.bids}: its consumer listens elsewhere): the next bid is decided against the lot's true latest
 * state, rebuilt from the bids in Kafka, not against the bid log's stale one.
 */
@QuarkusTest
@TestProfile(LostRedisRebuildTest.BidLogBehind.class)
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class LostRedisRebuildTest {

    /** The bid log consumer reads a topic nobody writes: every relayed bid stays in Kafka only. */
    public static class BidLogBehind implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.auction-bids.topic", "auction.bids.unread");
        }
    }

    @Inject
    RedisDataSource redis;

    @Test
    void bidAfterRedisLostEverythingFollowsTheBidsInKafkaNotYetLogged() {
        UUID seller = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        proxy(alice, lot, 60_000).then().statusCode(201);
        bid(bob, lot, 30_000).then().statusCode(201).body("price", equalTo(31_000));
        bid(bob, lot, 40_000).then().statusCode(201).body("seq", equalTo(3)).body("price", equalTo(41_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> relayedAll(lot, 3));
        assertThat(bidLog(lot)).isEmpty();

        redis.flushall();

        bid(bob, lot, 41_000).then().statusCode(422).header("Moa-Minimum-Bid", "42000");
        proxy(bob, lot, 70_000).then().statusCode(201)
                .body("seq", equalTo(4)).body("status", equalTo("LEADING")).body("price", equalTo(61_000));
        bid(alice, lot, 62_000).then().statusCode(201)
                .body("seq", equalTo(5)).body("status", equalTo("OUTBID")).body("price", equalTo(63_000));
    }

    @Test
    void raisedMaximumInKafkaNotYetLoggedDefendsTheLeadAfterRedisLostEverything() {
        UUID seller = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        proxy(alice, lot, 30_000).then().statusCode(201);
        bid(bob, lot, 15_000).then().statusCode(201).body("seq", equalTo(2)).body("price", equalTo(16_000));
        proxy(alice, lot, 90_000).then().statusCode(201).body("maximumRaised", equalTo(true));
        await().atMost(Duration.ofSeconds(30)).until(() -> relayedAll(lot, 3));
        assertThat(raisesLogged(lot)).isEmpty();

        redis.flushall();

        bid(bob, lot, 50_000).then().statusCode(201)
                .body("seq", equalTo(3)).body("status", equalTo("OUTBID")).body("price", equalTo(51_000));
    }

    /** Whether the relay has sent the lot's {@code count} entries to Kafka (read by its group and acknowledged). */
    private boolean relayedAll(UUID lot, int count) {
        Response group = redis.execute("XINFO", "GROUPS", LotKeys.stream(lot)).get(0);
        Response last = redis.execute("XREVRANGE", LotKeys.stream(lot), "+", "-", "COUNT", "1");
        return redis.stream(String.class).xlen(LotKeys.stream(lot)) == count && "0".equals(field(group, "pending"))
                && last.get(0).get(0).toString().equals(field(group, "last-delivered-id"));
    }

    /** A field of a Redis reply that is a map (RESP3) or a flat list of names and values (RESP2). */
    private static String field(Response reply, String name) {
        try {
            Response value = reply.get(name);
            if (value != null) {
                return value.toString();
            }
        } catch (RuntimeException notAMap) {
            // a flat list: read it pair by pair below
        }
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            if (name.equals(String.valueOf(reply.get(i)))) {
                return String.valueOf(reply.get(i + 1));
            }
        }
        return null;
    }
}
