package dev.moa.auction.registration;

import dev.moa.auction.FakeMoney;
import dev.moa.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.approved;
import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.register;
import static dev.moa.auction.AuctionApi.registration;
import static dev.moa.auction.AuctionApi.scheduledLot;
import static dev.moa.auction.AuctionApi.opened;
import static dev.moa.auction.AuctionApi.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Registration with held funds, against the real broker with money played by {@link FakeMoney}. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class RegistrationTest {

    private final UUID seller = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();

    @Test
    void registrationAsksMoneyToHoldTheLimitAndIsApprovedWhenItDoes() {
        UUID lot = scheduledLot(seller, Duration.ofMinutes(5), Map.of());
        register(alice, lot, 70_000).then().statusCode(202).body("status", equalTo("PENDING"))
                .body("pendingLimit", equalTo(70_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(registration(alice, lot).path("status")));

        registration(alice, lot).then().body("limit", equalTo(70_000));
        assertThat(FakeMoney.holdsAskedFor(alice)).singleElement()
                .satisfies(hold -> assertThat(hold.path("amount").asLong()).isEqualTo(70_000))
                .satisfies(hold -> assertThat(hold.path("reference").asText()).isEqualTo("lot:" + lot));
    }

    @Test
    void holdRefusedByMoneyRejectsTheRegistrationAndTheBidderCannotBid() {
        UUID poor = UUID.randomUUID();
        FakeMoney.broke(poor);
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 50_000);
        register(poor, lot, 50_000).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REJECTED".equals(registration(poor, lot).path("status")));

        registration(poor, lot).then().body("lastRefusal", equalTo("INSUFFICIENT_FUNDS"));
        bid(poor, lot, 20_000).then().statusCode(403).body("type", equalTo("https://moa.dev/problems/not-registered"));
    }

    @Test
    void raisingTheLimitPlacesANewHoldVoidsTheOldOneAndAllowsHigherBids() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 30_000, alice);
        String firstHold = String.valueOf(row("select hold_id from registrations where lot_id = ? and bidder_id = ?",
                lot, alice).get("hold_id"));
        bid(alice, lot, 40_000).then().statusCode(422).body("type", equalTo("https://moa.dev/problems/over-limit"));

        approved(alice, lot, 90_000);

        bid(alice, lot, 40_000).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> FakeMoney.voidedHolds().contains(firstHold));
        assertThat(FakeMoney.holdsAskedFor(alice)).hasSize(2);
    }

    @Test
    void aLimitNotAboveTheApprovedOneIsRefused() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 30_000, alice);
        register(alice, lot, 30_000).then().statusCode(422)
                .body("type", equalTo("https://moa.dev/problems/limit-not-raised"));
    }

    @Test
    void sellerCannotRegisterForTheirOwnLot() {
        UUID lot = opened(seller, scheduledLot(seller, Duration.ofMinutes(5), Map.of()));
        register(seller, lot, 50_000).then().statusCode(403)
                .body("type", equalTo("https://moa.dev/problems/seller-cannot-register"));
    }

    @Test
    void anotherMembersRegistrationIsNotVisible() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 30_000, alice);
        registration(UUID.randomUUID(), lot).then().statusCode(404);
    }
}
