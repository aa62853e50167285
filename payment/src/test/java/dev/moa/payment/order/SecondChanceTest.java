package dev.moa.payment.order;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.Topics;
import dev.moa.events.auction.LotClosed;
import dev.moa.events.auction.RegistrationApproved;
import dev.moa.payment.FakeMoney;
import dev.moa.payment.MovableClock;
import dev.moa.payment.PaymentApi;
import dev.moa.payment.clock.SeoulClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

import static dev.moa.payment.PaymentApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The winner's payment fails: the runner-up is offered the lot for 24 hours, and pays from the wallet on accepting. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class SecondChanceTest {

    @BeforeAll
    static void money() {
        FakeMoney.start();
    }

    record Failed(UUID lotId, UUID sellerId, UUID runnerUp, UUID offerId) {
    }

    /** A lot whose winner's capture money refuses, with a runner-up whose maximum was 900,000. */
    private static Failed failedWin(UUID runnerUp) {
        UUID lot = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID winner = UUID.randomUUID();
        UUID hold = UUID.randomUUID();
        FakeMoney.refuse(hold, "EXPIRED");
        PaymentApi.publish(Topics.AUCTION_EVENTS,
                new RegistrationApproved(lot, winner, 2_000_000, hold, Instant.now()));
        PaymentApi.publish(Topics.AUCTION_EVENTS, new LotClosed(lot, seller, LotClosed.SOLD, winner, 1_000_000L, hold,
                4, Instant.now(), runnerUp, runnerUp == null ? null : 900_000L));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAYMENT_FAILED".equals(PaymentApi.text(
                "select status from orders where lot_id = ? and kind = 'WIN'", lot)));
        String offer = PaymentApi.text("select id::text from second_chance_offers where lot_id = ?", lot);
        return new Failed(lot, seller, runnerUp, offer == null ? null : UUID.fromString(offer));
    }

    private static io.restassured.response.Response accept(UUID member, UUID offer) {
        return as(member).header("Idempotency-Key", "key-" + UUID.randomUUID()).post("/offers/" + offer + "/accept");
    }

    @Test
    void theRunnerUpIsOfferedTheLotAtTheirMaximumAndPaysFromTheWalletOnAccepting() {
        MovableClock.set(ZonedDateTime.of(2034, 2, 1, 12, 0, 0, 0, SeoulClock.ZONE));
        Failed failed = failedWin(UUID.randomUUID());
        assertThat(PaymentApi.outboxed(Topics.PAYMENT_EVENTS, "dev.moa.payment.SecondChanceOffered", failed.offerId()))
                .isEqualTo(1);
        as(failed.runnerUp()).get("/offers/me").then().statusCode(200)
                .body("[0].price", equalTo(900_000)).body("[0].status", equalTo("OFFERED"));

        accept(failed.runnerUp(), failed.offerId()).then().statusCode(202).body("status", equalTo("ACCEPTED"));
        accept(failed.runnerUp(), failed.offerId()).then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(PaymentApi.text(
                "select status from orders where lot_id = ? and kind = 'SECOND_CHANCE'", failed.lotId())));
        var transfer = FakeMoney.awaitCommand(failed.runnerUp()).data();
        assertThat(transfer.path("amount").asLong()).isEqualTo(990_000);
        assertThat(transfer.path("credit").path("code").asText()).isEqualTo("ESCROW");
        assertThat(FakeMoney.appliedFor(failed.runnerUp())).isEqualTo(1);
        assertThat(PaymentApi.count("select count(*) from orders where lot_id = ?", failed.lotId())).isEqualTo(2);
    }

    @Test
    void anOfferNotAcceptedWithin24HoursHasExpired() {
        MovableClock.set(ZonedDateTime.of(2034, 3, 1, 12, 0, 0, 0, SeoulClock.ZONE));
        Failed failed = failedWin(UUID.randomUUID());
        MovableClock.set(ZonedDateTime.of(2034, 3, 2, 12, 0, 1, 0, SeoulClock.ZONE));

        accept(failed.runnerUp(), failed.offerId()).then().statusCode(409);
        assertThat(PaymentApi.count("select count(*) from orders where lot_id = ? and kind = 'SECOND_CHANCE'",
                failed.lotId())).isZero();
    }

    @Test
    void onlyTheRunnerUpMayAccept() {
        Failed failed = failedWin(UUID.randomUUID());

        accept(UUID.randomUUID(), failed.offerId()).then().statusCode(404);
        assertThat(PaymentApi.text("select status from second_chance_offers where id = ?", failed.offerId()))
                .isEqualTo("OFFERED");
    }

    @Test
    void withoutARunnerUpTheLotGoesBackToTheSellerWithNoOffer() {
        Failed failed = failedWin(null);

        assertThat(failed.offerId()).isNull();
        assertThat(PaymentApi.count("select count(*) from orders where lot_id = ?", failed.lotId())).isEqualTo(1);
    }
}
