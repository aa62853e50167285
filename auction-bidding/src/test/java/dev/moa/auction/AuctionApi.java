package dev.moa.auction;

import dev.moa.devstack.DevStackResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Speaks to auction-bidding over HTTP as clients do, and looks into its database to check what happened. */
public final class AuctionApi {

    private AuctionApi() {
    }

    public static String member(UUID id) {
        return DevStackResource.stack().tokenKeys().mint(id.toString(), "MEMBER");
    }

    public static String seller(UUID id) {
        return DevStackResource.stack().tokenKeys().mint(id.toString(), "MEMBER", "SELLER");
    }

    public static String admin() {
        return DevStackResource.stack().tokenKeys().mint(UUID.randomUUID().toString(), "ADMIN");
    }

    /** A lot's terms: starts in {@code startIn}, runs {@code duration}; {@code overrides} replace any field. */
    public static Map<String, Object> terms(Duration startIn, Duration duration, Map<String, Object> overrides) {
        Instant start = Instant.now().plus(startIn);
        Map<String, Object> terms = new HashMap<>(Map.of("title", "Moon jar", "artist", "Kim Whanki",
                "category", "PAINTING", "startPrice", 10_000, "startsAt", start.toString(),
                "endsAt", start.plus(duration).toString(), "softCloseSeconds", 0, "extensionSeconds", 0,
                "maxExtensions", 0));
        terms.put("increments", List.of(Map.of("from", 0, "increment", 1_000)));
        terms.putAll(overrides);
        return terms;
    }

    public static Response createLot(UUID seller, Map<String, Object> terms) {
        return given().auth().oauth2(seller(seller)).contentType(ContentType.JSON).body(terms).when().post("/lots");
    }

    /** A lot of {@code seller} that opens in a moment and runs {@code duration}; returns once it is OPEN. */
    public static UUID openLot(UUID seller, Duration duration, Map<String, Object> overrides) {
        return opened(seller, scheduledLot(seller, duration, overrides));
    }

    /** A lot of {@code seller} that opens in a few seconds (time to register bidders) and runs {@code duration}. */
    public static UUID scheduledLot(UUID seller, Duration duration, Map<String, Object> overrides) {
        warmUp(seller);
        Response created = createLot(seller, terms(Duration.ofMillis(2500), duration, overrides));
        if (created.statusCode() != 201) {
            throw new AssertionError("lot not created: " + created.asString());
        }
        return UUID.fromString(created.path("id"));
    }

    private static volatile boolean warm;

    /** The first requests of a test JVM are slow (JIT, first sessions): a lot must not start before they are done. */
    private static void warmUp(UUID seller) {
        FakeMoney.start();
        if (!warm) {
            createLot(seller, terms(Duration.ofHours(1), Duration.ofHours(1), Map.of("title", "warm-up")));
            given().auth().oauth2(member(seller)).when().get("/lots?size=1");
            warm = true;
        }
    }

    /** Waits until the lot is OPEN. */
    public static UUID opened(UUID seller, UUID lot) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "OPEN".equals(lot(lot, seller).path("status")));
        return lot;
    }

    /** A lot that opens with {@code bidders} registered for {@code limit} each. */
    public static UUID lotWithBidders(UUID seller, Duration duration, Map<String, Object> overrides, long limit,
                                      UUID... bidders) {
        UUID lot = scheduledLot(seller, duration, overrides);
        for (UUID bidder : bidders) {
            approved(bidder, lot, limit);
        }
        return opened(seller, lot);
    }

    public static Response lot(UUID lot, UUID reader) {
        return given().auth().oauth2(member(reader)).when().get("/lots/" + lot);
    }

    public static Response register(UUID bidder, UUID lot, long limit) {
        return given().auth().oauth2(member(bidder)).header("Idempotency-Key", "reg-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(Map.of("limit", limit)).when()
                .post("/lots/" + lot + "/registrations");
    }

    /** Registers {@code bidder} (money, played by {@link FakeMoney}, holds the limit); returns once APPROVED. */
    public static void approved(UUID bidder, UUID lot, long limit) {
        FakeMoney.start();
        register(bidder, lot, limit).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(limit).equals(registration(bidder, lot)
                .path("limit") == null ? null : ((Number) registration(bidder, lot).path("limit")).longValue()));
    }

    public static Response registration(UUID bidder, UUID lot) {
        return given().auth().oauth2(member(bidder)).when().get("/lots/" + lot + "/registrations/me");
    }

    public static Response bid(UUID bidder, UUID lot, long amount) {
        return bid(bidder, lot, Map.of("amount", amount), "bid-" + UUID.randomUUID());
    }

    public static Response proxy(UUID bidder, UUID lot, long max) {
        return bid(bidder, lot, Map.of("maxAmount", max), "bid-" + UUID.randomUUID());
    }

    public static Response bid(UUID bidder, UUID lot, Object body, String key) {
        return given().auth().oauth2(member(bidder)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/lots/" + lot + "/bids");
    }

    /** The lot's row in the database, once it is CLOSED. */
    public static Map<String, Object> closed(UUID lot) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(row(
                "select status from lots where id = ?", lot).get("status")));
        return row("select * from lots where id = ?", lot);
    }

    /** The bid log of a lot, in sequence: (seq, bidder, price). */
    public static List<Map<String, Object>> bidLog(UUID lot) {
        return rows("select * from bids where lot_id = ? order by seq", lot);
    }

    public static Map<String, Object> row(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    public static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DevStackResource.stack().postgres().connect("moa_auction");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnName(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
