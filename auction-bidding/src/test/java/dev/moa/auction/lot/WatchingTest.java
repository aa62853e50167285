package dev.moa.auction.lot;

import dev.moa.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.bidLog;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.member;
import static dev.moa.auction.AuctionApi.proxy;
import static dev.moa.auction.AuctionApi.scheduledLot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Watching lots: live prices over SSE, the masked bid history, one's own bids, the watchlist. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class WatchingTest {

    @TestHTTPResource("/")
    URL base;

    private final UUID seller = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void watchersReceiveEachNewPriceOverServerSentEvents() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(base + "lots/" + lot + "/live"))
                        .header("Authorization", "Bearer " + member(bob)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("snapshot")));

        bid(alice, lot, 20_000).then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains("\"price\":20000") && l.contains("\"seq\":1")));
        stream.cancel(true);
    }

    /** More watched lots than the Redis pool has connections: watching takes none of them, bidding goes on. */
    @Test
    void watchersOfManyLotsShareOneSubscriptionAndBiddingGoesOn() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice);
        List<CompletableFuture<HttpResponse<Stream<String>>>> others = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            others.add(watch(UUID.randomUUID(), new CopyOnWriteArrayList<>()));
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = watch(lot, lines);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("snapshot")));

        bid(alice, lot, 20_000).then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains("\"price\":20000")));
        stream.cancel(true);
        others.forEach(other -> other.cancel(true));
    }

    private CompletableFuture<HttpResponse<Stream<String>>> watch(UUID lot, List<String> lines) {
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(base + "lots/" + lot + "/live"))
                        .header("Authorization", "Bearer " + member(bob)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(lines::add));
        return stream;
    }

    @Test
    void historyMasksOtherBiddersAndTheirMaxima() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        proxy(alice, lot, 50_000).then().statusCode(201);
        bid(bob, lot, 20_000).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 2);

        given().auth().oauth2(member(bob)).get("/lots/" + lot + "/bids").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].bidder", equalTo("you")).body("[0].yourAmount", equalTo(20_000))
                .body("[1].yours", equalTo(false)).body("[1].yourAmount", nullValue()).body("[1].kind", nullValue())
                .body("[1].price", equalTo(10_000));
        String body = given().auth().oauth2(member(bob)).get("/lots/" + lot + "/bids").asString();
        assertThat(body).doesNotContain(alice.toString()).doesNotContain("50000");
        given().auth().oauth2(member(bob)).queryParam("size", 500).get("/lots/" + lot + "/bids").then()
                .statusCode(400);
    }

    @Test
    void myBidsShowMyMaximumAndWhetherILead() {
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000, alice, bob);
        proxy(alice, lot, 50_000).then().statusCode(201);
        bid(bob, lot, 20_000).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> bidLog(lot).size() == 2);

        given().auth().oauth2(member(alice)).get("/bids/me").then().statusCode(200)
                .body("find { it.lotId == '" + lot + "' }.yourMaximum", equalTo(50_000))
                .body("find { it.lotId == '" + lot + "' }.leading", equalTo(true));
        given().auth().oauth2(member(bob)).get("/bids/me").then().statusCode(200)
                .body("find { it.lotId == '" + lot + "' }.leading", equalTo(false));
    }

    @Test
    void watchlistAddsListsAndRemovesLots() {
        UUID lot = scheduledLot(seller, Duration.ofMinutes(5), Map.of());
        String token = member(alice);
        given().auth().oauth2(token).put("/watchlist/" + lot).then().statusCode(204);
        given().auth().oauth2(token).put("/watchlist/" + lot).then().statusCode(204);
        given().auth().oauth2(token).get("/watchlist").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(lot.toString()));
        given().auth().oauth2(token).delete("/watchlist/" + lot).then().statusCode(204);
        given().auth().oauth2(token).get("/watchlist").then().body("$", hasSize(0));
        given().auth().oauth2(token).put("/watchlist/" + UUID.randomUUID()).then().statusCode(404);
    }
}
