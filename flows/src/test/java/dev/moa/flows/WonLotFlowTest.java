package dev.moa.flows;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lot from the seller's listing to the buyer's paid order, across membership (seller approval), banking and money
 * (the buyer's top-up), auction-bidding (registration hold, the bid) and payment (the charge), each its own process:
 * the money a buyer pays for a won lot leaves their wallet once, through the hold that registration placed.
 */
@ExtendWith(RunningPlatform.Extension.class)
class WonLotFlowTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void platform(RunningPlatform running) {
        platform = running;
    }

    @Test
    void aLotBoughtAtItsBuyNowPriceIsPaidOnceFromTheBuyersHold() {
        AppUser seller = approvedSeller("Han Gallery");
        AppUser buyer = fundedMember("Oh Jiyoung", 500_000);
        String lotId = openLotWithRegisteredBuyer(seller, buyer);

        buyAtBuyNow(buyer, lotId);

        assertPaidOnce(buyer, lotId);
        assertThat(seller.at("payment").get("/sales/me").jsonPath().getString("[0].status")).isEqualTo("PAID");
        assertThat(buyer.at("auction-bidding").get("/lots/" + lotId).jsonPath().getString("status"))
                .isEqualTo("CLOSED");
    }

    /** Payment dies (SIGKILL) as the lot closes: the restarted payment still makes one order and one charge. */
    @Test
    void paymentKilledAsTheLotClosesStillChargesOnce() {
        AppUser seller = approvedSeller("Seo Atelier");
        AppUser buyer = fundedMember("Kang Minji", 500_000);
        String lotId = openLotWithRegisteredBuyer(seller, buyer);

        buyAtBuyNow(buyer, lotId);
        platform.crashAndRestart("payment");

        assertPaidOnce(buyer, lotId);
    }

    /** Lists a lot (buy-now 100,000) and registers the buyer with a 150,000 limit; answers once the lot is open. */
    private static String openLotWithRegisteredBuyer(AppUser seller, AppUser buyer) {
        String lotId = listLot(seller, 10_000, 100_000);
        Response registration = buyer.at("auction-bidding").header("Idempotency-Key", "flow-" + UUID.randomUUID())
                .body(Map.of("limit", 150_000)).post("/lots/" + lotId + "/registrations");
        assertThat(registration.statusCode()).as(registration.asString()).isEqualTo(202);
        await().atMost(AppUser.EVENTUAL).until(() -> buyer.at("auction-bidding")
                .get("/lots/" + lotId + "/registrations/me").jsonPath().getString("status"), "APPROVED"::equals);
        assertThat(buyer.wallet("available")).isEqualTo(350_000);
        await().atMost(AppUser.EVENTUAL).until(() -> buyer.at("auction-bidding").get("/lots/" + lotId)
                .jsonPath().getString("status"), "OPEN"::equals);
        return lotId;
    }

    private static void buyAtBuyNow(AppUser buyer, String lotId) {
        Response bid = buyer.at("auction-bidding").header("Idempotency-Key", "flow-" + UUID.randomUUID())
                .body(Map.of("amount", 100_000)).post("/lots/" + lotId + "/bids");
        assertThat(bid.statusCode()).as(bid.asString()).isEqualTo(201);
        assertThat(bid.jsonPath().getBoolean("closed")).isTrue();
    }

    /** One PAID order of 110,000 (hammer + 10 % premium), taken once from the hold; the rest of the hold released. */
    private static void assertPaidOnce(AppUser buyer, String lotId) {
        Response orders = await().atMost(AppUser.EVENTUAL).until(() -> buyer.at("payment").get("/orders/me"),
                response -> response.statusCode() == 200 && "PAID".equals(response.jsonPath().getString("[0].status")));
        assertThat(orders.jsonPath().getList("lotId")).containsExactly(lotId);
        assertThat(orders.jsonPath().getLong("[0].hammerPrice")).isEqualTo(100_000);
        assertThat(orders.jsonPath().getLong("[0].premium")).isEqualTo(10_000);
        assertThat(orders.jsonPath().getLong("[0].total")).isEqualTo(110_000);
        await().atMost(AppUser.EVENTUAL).until(() -> buyer.wallet("pending") == 0);
        assertThat(buyer.wallet("posted")).isEqualTo(390_000);
        assertThat(buyer.wallet("available")).isEqualTo(390_000);
    }

    private static AppUser approvedSeller(String name) {
        return FlowMembers.approvedSeller(platform, name);
    }

    private static AppUser fundedMember(String name, long amount) {
        return FlowMembers.fundedMember(platform, name, amount);
    }

    private static String listLot(AppUser seller, long startPrice, long buyNowPrice) {
        Instant opens = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> lot = new HashMap<>();
        lot.put("title", "Moonlit harbour");
        lot.put("artist", "Kim Whanki");
        lot.put("category", "PAINTING");
        lot.put("startPrice", startPrice);
        lot.put("buyNowPrice", buyNowPrice);
        lot.put("startsAt", opens.toString());
        lot.put("endsAt", opens.plus(2, ChronoUnit.MINUTES).toString());
        Response created = seller.at("auction-bidding").body(lot).post("/lots");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.jsonPath().getString("id");
    }
}
