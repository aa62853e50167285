package dev.moa.auction.bid;

import dev.moa.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.lot;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.member;
import static dev.moa.auction.AuctionApi.seller;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Bids that must be refused with a problem+json, changing nothing; and retries with the same Idempotency-Key. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class BidSafetyTest {

    private static final String PROBLEM = "application/problem+json";

    private final UUID sellerId = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();

    private UUID liveLot() {
        return lotWithBidders(sellerId, Duration.ofMinutes(5), Map.of(), 100_000, alice);
    }

    private void nothingChanged(UUID lot) {
        lot(lot, alice).then().statusCode(200).body("bidCount", equalTo(0)).body("currentPrice", equalTo(10_000));
    }

    @Test
    void sellerCannotBidOnTheirOwnLot() {
        UUID lot = liveLot();
        given().auth().oauth2(seller(sellerId)).header("Idempotency-Key", "seller-bid-1").contentType(ContentType.JSON)
                .body(Map.of("amount", 20_000)).post("/lots/" + lot + "/bids")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/seller-cannot-bid"));
        nothingChanged(lot);
    }

    @Test
    void unregisteredBidderIsRefused() {
        UUID lot = liveLot();
        bid(UUID.randomUUID(), lot, 20_000).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/not-registered"));
        nothingChanged(lot);
    }

    @Test
    void bidAboveTheRegisteredLimitIsRefused() {
        UUID lot = liveLot();
        bid(alice, lot, 100_001).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/over-limit"));
        nothingChanged(lot);
    }

    @Test
    void zeroNegativeAndHugeAmountsAreRefused() {
        UUID lot = liveLot();
        for (Object amount : new Object[] {0, -5_000, 1_000_000_000_001L, Long.MAX_VALUE, "9".repeat(30), 12.5,
                "20000"}) {
            bid(alice, lot, Map.of("amount", amount), "bad-" + UUID.randomUUID()).then().statusCode(400)
                    .contentType(PROBLEM);
            bid(alice, lot, Map.of("maxAmount", amount), "bad-" + UUID.randomUUID()).then().statusCode(400)
                    .contentType(PROBLEM);
        }
        nothingChanged(lot);
    }

    @Test
    void bothOrNeitherOfAmountAndMaximumIsRefused() {
        UUID lot = liveLot();
        bid(alice, lot, Map.of("amount", 20_000, "maxAmount", 30_000), "both-1234").then().statusCode(400)
                .contentType(PROBLEM);
        bid(alice, lot, Map.of(), "neither-1234").then().statusCode(400).contentType(PROBLEM);
        nothingChanged(lot);
    }

    @Test
    void malformedJsonIsRefused() {
        UUID lot = liveLot();
        for (String body : new String[] {"{", "{\"amount\": 20000,}", "[]", "null", "{\"amount\": 20000} x"}) {
            given().auth().oauth2(member(alice)).header("Idempotency-Key", "malformed-" + UUID.randomUUID())
                    .contentType(ContentType.JSON).body(body).post("/lots/" + lot + "/bids")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        nothingChanged(lot);
    }

    @Test
    void bidWithoutAValidIdempotencyKeyIsRefused() {
        UUID lot = liveLot();
        given().auth().oauth2(member(alice)).contentType(ContentType.JSON).body(Map.of("amount", 20_000))
                .post("/lots/" + lot + "/bids").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/idempotency-key-missing"));
        bid(alice, lot, Map.of("amount", 20_000), "short").then().statusCode(400).contentType(PROBLEM);
        nothingChanged(lot);
    }

    @Test
    void bidWithoutATokenIsUnauthenticated() {
        UUID lot = liveLot();
        given().header("Idempotency-Key", "anonymous-1").contentType(ContentType.JSON).body(Map.of("amount", 20_000))
                .post("/lots/" + lot + "/bids").then().statusCode(401).contentType(PROBLEM);
        nothingChanged(lot);
    }

    @Test
    void aTokenThatDoesNotVerifyOrARoleThatMayNotBidIsRefused() {
        UUID lot = liveLot();
        String forged = member(alice).substring(0, member(alice).lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).header("Idempotency-Key", "forged-1234").contentType(ContentType.JSON)
                .body(Map.of("amount", 20_000)).post("/lots/" + lot + "/bids")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://moa.dev/problems/unauthenticated"));
        String service = DevStackResource.stack().tokenKeys().mint(alice.toString(), "SERVICE");
        given().auth().oauth2(service).header("Idempotency-Key", "service-1234").contentType(ContentType.JSON)
                .body(Map.of("amount", 20_000)).post("/lots/" + lot + "/bids")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/forbidden"));
        nothingChanged(lot);
    }

    @Test
    void aBodyThatIsNotJsonOrTooLargeOrABadLotIdIsRefused() {
        UUID lot = liveLot();
        given().auth().oauth2(member(alice)).header("Idempotency-Key", "text-12345").contentType(ContentType.TEXT)
                .body("amount=20000").post("/lots/" + lot + "/bids")
                .then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/unsupported-media-type"));
        given().auth().oauth2(member(alice)).header("Idempotency-Key", "large-12345").contentType(ContentType.JSON)
                .body("{\"amount\": 20000, \"memo\": \"" + "x".repeat(10_000) + "\"}").post("/lots/" + lot + "/bids")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/body-too-large"));
        given().auth().oauth2(member(alice)).header("Idempotency-Key", "unknown-12345").contentType(ContentType.JSON)
                .body("{\"amount\": 20000.5}").post("/lots/" + lot + "/bids")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/malformed-json"))
                .body("detail", org.hamcrest.Matchers.endsWith("(at amount)"));
        given().auth().oauth2(member(alice)).header("Idempotency-Key", "badlot-12345").contentType(ContentType.JSON)
                .body(Map.of("amount", 20_000)).post("/lots/not-a-lot/bids")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/validation"));
        nothingChanged(lot);
    }

    @Test
    void anAcceptedBidNamesTheLotAndIsJson() {
        UUID lot = liveLot();
        bid(alice, lot, 20_000).then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", org.hamcrest.Matchers.endsWith("/lots/" + lot))
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .body("lotId", equalTo(lot.toString())).body("status", equalTo("LEADING"));
    }

    @Test
    void bidOnAnUnknownLotIsNotFound() {
        bid(alice, UUID.randomUUID(), 20_000).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void retryWithTheSameKeyReplaysTheFirstAnswerAndBidsOnce() {
        UUID lot = liveLot();
        bid(alice, lot, Map.of("amount", 20_000), "retry-key-1").then().statusCode(201).body("seq", equalTo(1));
        bid(alice, lot, Map.of("amount", 20_000), "retry-key-1").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("seq", equalTo(1)).body("price", equalTo(20_000));
        lot(lot, alice).then().body("bidCount", equalTo(1));
    }

    @Test
    void sameKeyWithAnotherBidIsRefused() {
        UUID lot = liveLot();
        bid(alice, lot, Map.of("amount", 20_000), "reused-key-1").then().statusCode(201);
        bid(alice, lot, Map.of("amount", 30_000), "reused-key-1").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://moa.dev/problems/idempotency-key-reused"));
        lot(lot, alice).then().body("bidCount", equalTo(1)).body("currentPrice", equalTo(20_000));
    }
}
