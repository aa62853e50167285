package dev.moa.auction.lot;

import dev.moa.auction.FakeMoney;
import dev.moa.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.admin;
import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.createLot;
import static dev.moa.auction.AuctionApi.lot;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.member;
import static dev.moa.auction.AuctionApi.row;
import static dev.moa.auction.AuctionApi.scheduledLot;
import static dev.moa.auction.AuctionApi.seller;
import static dev.moa.auction.AuctionApi.terms;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Lots: sellers create, edit and cancel theirs; members read them with the reserve hidden. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class LotTest {

    private static final String PROBLEM = "application/problem+json";
    private final UUID sellerId = UUID.randomUUID();

    @Test
    void sellerCreatesALotAndBiddersSeeItWithoutTheReserve() {
        UUID lot = scheduledLot(sellerId, Duration.ofMinutes(5), Map.of("reservePrice", 50_000));
        lot(lot, UUID.randomUUID()).then().statusCode(200).body("status", equalTo("SCHEDULED"))
                .body("hasReserve", equalTo(true)).body("reservePrice", nullValue())
                .body("currentPrice", equalTo(10_000)).body("minimumNextBid", equalTo(10_000));
        lot(lot, sellerId).then().body("reservePrice", equalTo(50_000));
    }

    @Test
    void lotWithoutATableGetsTheTieredDefaultIncrements() {
        Map<String, Object> terms = new java.util.HashMap<>(terms(Duration.ofHours(1), Duration.ofHours(1), Map.of()));
        terms.remove("increments");
        createLot(sellerId, terms).then().statusCode(201)
                .body("increments[0].increment", equalTo(1_000)).body("increments[1].from", equalTo(100_000));
    }

    @Test
    void memberWithoutTheSellerRoleCannotCreateLots() {
        given().auth().oauth2(member(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(terms(Duration.ofHours(1), Duration.ofHours(1), Map.of())).post("/lots")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void inconsistentTermsAreRefused() {
        Duration hour = Duration.ofHours(1);
        createLot(sellerId, terms(hour, Duration.ofMillis(10), Map.of())).then().statusCode(422).contentType(PROBLEM);
        createLot(sellerId, terms(Duration.ofHours(-1), hour, Map.of())).then().statusCode(422).contentType(PROBLEM);
        createLot(sellerId, terms(hour, hour, Map.of("buyNowPrice", 10_000))).then().statusCode(422);
        createLot(sellerId, terms(hour, hour, Map.of("reservePrice", 5_000))).then().statusCode(422);
        createLot(sellerId, terms(hour, hour, Map.of("startPrice", 0))).then().statusCode(400).contentType(PROBLEM);
        createLot(sellerId, terms(hour, hour, Map.of("startPrice", -1))).then().statusCode(400);
        createLot(sellerId, terms(hour, hour, Map.of("startPrice", 1_000_000_000_001L))).then().statusCode(400);
        createLot(sellerId, terms(hour, hour, Map.of("title", " "))).then().statusCode(400);
        createLot(sellerId, terms(hour, hour, Map.of("imageUrls", List.of("javascript:alert(1)")))).then()
                .statusCode(400);
        createLot(sellerId, terms(hour, hour, Map.of("increments", List.of(Map.of("from", 5, "increment", 10)))))
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(seller(sellerId)).contentType(ContentType.JSON).body("{\"title\": ").post("/lots")
                .then().statusCode(400).contentType(PROBLEM);
        assertThat(row("select count(*) as n from lots where seller_id = ?", sellerId).get("n")).isEqualTo(0L);
    }

    @Test
    void sellerEditsTheirLotBeforeItOpens() {
        UUID lot = scheduledLot(sellerId, Duration.ofMinutes(5), Map.of());
        given().auth().oauth2(seller(sellerId)).contentType(ContentType.JSON)
                .body(Map.of("title", "Blue moon jar", "startPrice", 20_000)).patch("/lots/" + lot)
                .then().statusCode(200).body("title", equalTo("Blue moon jar")).body("startPrice", equalTo(20_000));
    }

    @Test
    void sellerCannotEditAnotherSellersLot() {
        UUID lot = scheduledLot(sellerId, Duration.ofMinutes(5), Map.of());
        given().auth().oauth2(seller(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("title", "Mine now")).patch("/lots/" + lot)
                .then().statusCode(403).contentType(PROBLEM);
        lot(lot, sellerId).then().body("title", equalTo("Moon jar"));
    }

    @Test
    void openLotCannotBeEditedOrCanceledByItsSeller() {
        UUID lot = lotWithBidders(sellerId, Duration.ofMinutes(5), Map.of(), 50_000);
        given().auth().oauth2(seller(sellerId)).contentType(ContentType.JSON).body(Map.of("title", "Late"))
                .patch("/lots/" + lot).then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(seller(sellerId)).delete("/lots/" + lot).then().statusCode(409).contentType(PROBLEM);
        lot(lot, sellerId).then().body("status", equalTo("OPEN")).body("title", equalTo("Moon jar"));
    }

    @Test
    void sellerCancelsTheirLotBeforeItOpens() {
        UUID lot = scheduledLot(sellerId, Duration.ofMinutes(5), Map.of());
        given().auth().oauth2(seller(sellerId)).delete("/lots/" + lot).then().statusCode(200)
                .body("status", equalTo("CANCELED"));
    }

    @Test
    void adminCancelsAnOpenLotAndItsHoldsAreVoidedAndBidsRefused() {
        UUID alice = UUID.randomUUID();
        UUID lot = lotWithBidders(sellerId, Duration.ofMinutes(5), Map.of(), 50_000, alice);
        String hold = String.valueOf(row("select hold_id from registrations where lot_id = ?", lot).get("hold_id"));
        bid(alice, lot, 20_000).then().statusCode(201);

        given().auth().oauth2(admin()).delete("/lots/" + lot).then().statusCode(200)
                .body("status", equalTo("CANCELED"));

        bid(alice, lot, 30_000).then().statusCode(409).contentType(PROBLEM);
        await().atMost(Duration.ofSeconds(30)).until(() -> FakeMoney.voidedHolds().contains(hold));
    }

    @Test
    void lotsAreSearchedByFiltersInBoundedPages() {
        String artist = "Artist " + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            createLot(sellerId, terms(Duration.ofHours(1 + i), Duration.ofHours(1), Map.of("artist", artist,
                    "startPrice", 10_000 * (i + 1), "category", "SCULPTURE"))).then().statusCode(201);
        }
        String token = member(UUID.randomUUID());
        given().auth().oauth2(token).queryParam("artist", artist).queryParam("sort", "price_desc")
                .queryParam("size", 2).get("/lots").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2))
                .body("items[0].startPrice", equalTo(30_000)).body("items.category", everyItem(equalTo("SCULPTURE")));
        given().auth().oauth2(token).queryParam("q", artist.substring(7).toUpperCase()).get("/lots").then()
                .statusCode(200).body("total", equalTo(3)).body("items.reservePrice", not(hasItem(1)));
        given().auth().oauth2(token).queryParam("size", 1_000).get("/lots").then().statusCode(400)
                .contentType(PROBLEM);
        given().auth().oauth2(token).queryParam("sort", "drop table").get("/lots").then().statusCode(400);
        given().auth().oauth2(token).queryParam("status", "NOPE").get("/lots").then().statusCode(400);
    }
}
