package dev.moa.auction.bid;

import dev.moa.auction.live.LotKeys;
import dev.moa.devstack.DevStackResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * A lot whose live state Redis lost, when its bids in Kafka cannot be read in time (here: no time is allowed), takes
 * no bid: 503 with {@code Retry-After}, and no state is loaded that might be behind the bids already accepted.
 */
@QuarkusTest
@TestProfile(UncheckedRebuildTest.NoTimeForKafka.class)
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class UncheckedRebuildTest {

    /** A rebuild may not spend any time reading Kafka. */
    public static class NoTimeForKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moa.auction.rebuild.kafka-timeout", "0s");
        }
    }

    @Inject
    RedisDataSource redis;

    @Test
    void lostStateNotCheckedAgainstKafkaAnswers503AndLoadsNothing() {
        UUID seller = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        bid(alice, lot, 20_000).then().statusCode(201);

        redis.key().del(LotKeys.state(lot), LotKeys.limits(lot), LotKeys.stream(lot), LotKeys.maxima(lot));

        bid(bob, lot, 25_000).then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1").body("type", endsWith("/lot-state-rebuilding"));
        assertThat(redis.key().exists(LotKeys.state(lot))).isFalse();
    }
}
