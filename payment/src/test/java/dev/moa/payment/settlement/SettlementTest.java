package dev.moa.payment.settlement;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.Topics;
import dev.moa.events.auction.LotClosed;
import dev.moa.events.auction.RegistrationApproved;
import dev.moa.payment.FakeMoney;
import dev.moa.payment.MovableClock;
import dev.moa.payment.PaymentApi;
import dev.moa.payment.clock.SeoulClock;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.moa.payment.PaymentApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Settlement batches of sellers (won lots, 5 % fee by default) and merchants (their own rate, refunds netted), run as
 * the job runs them for a day the test chooses; money played over Kafka by {@link FakeMoney}.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class SettlementTest {

    @BeforeAll
    static void money() {
        FakeMoney.start();
    }

    /** Each test settles its own day, so that the days' batches of different tests stay apart. */
    private static LocalDate day(int dayOfMonth) {
        LocalDate day = LocalDate.of(2033, 6, dayOfMonth);
        MovableClock.set(ZonedDateTime.of(day.atTime(12, 0), SeoulClock.ZONE));
        return day;
    }

    private static void wonLot(UUID seller, long hammer) {
        UUID lot = UUID.randomUUID();
        UUID winner = UUID.randomUUID();
        UUID hold = UUID.randomUUID();
        PaymentApi.publish(Topics.AUCTION_EVENTS,
                new RegistrationApproved(lot, winner, hammer * 2, hold, Instant.now()));
        PaymentApi.publish(Topics.AUCTION_EVENTS, new LotClosed(lot, seller, LotClosed.SOLD, winner, hammer, hold, 1,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(
                PaymentApi.text("select status from orders where lot_id = ?", lot)));
    }

    static int settle(LocalDate day) {
        SettlementBatch batch = Arc.container().instance(SettlementBatch.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> batch.settle(day));
        } catch (Throwable e) {
            throw new IllegalStateException("settlement of " + day + " failed", e);
        }
    }

    private static long settlements(UUID payee) {
        return PaymentApi.count("select count(*) from settlements where payee_id = ?", payee);
    }

    private static long transfersAsked(UUID seller) {
        return PaymentApi.count("select count(*) from moa_outbox where topic = 'money.commands' "
                + "and payload->'credit'->>'ownerId' = ? and payload->>'kind' = 'SETTLEMENT'", seller.toString());
    }

    private static String column(String column, UUID payee) {
        return PaymentApi.text("select " + column + "::text from settlements where payee_id = ?", payee);
    }

    @Test
    void feesAreRoundedHalfUpToTheWonAndNetIsGrossLessFee() {
        LocalDate day = day(1);
        UUID down = UUID.randomUUID();
        UUID up = UUID.randomUUID();
        wonLot(down, 1_000_005); // 5 % = 50,000.25 -> 50,000
        wonLot(up, 600_000);
        wonLot(up, 400_010);     // 1,000,010 x 5 % = 50,000.5 -> 50,001
        settle(day);

        assertThat(column("fee", down)).isEqualTo("50000");
        assertThat(column("net", down)).isEqualTo("950005");
        assertThat(column("items", up)).isEqualTo("2");
        assertThat(column("gross", up)).isEqualTo("1000010");
        assertThat(column("fee", up)).isEqualTo("50001");
        assertThat(column("net", up)).isEqualTo("950009");
        var transfer = FakeMoney.awaitCommand(up).data();
        assertThat(transfer.path("debit").path("code").asText()).isEqualTo("SETTLEMENT_PAYABLE");
        assertThat(transfer.path("amount").asLong()).isEqualTo(950_009);
        assertThat(transfer.path("linked").get(0).path("credit").path("code").asText()).isEqualTo("FEES_REVENUE");
        assertThat(transfer.path("linked").get(0).path("amount").asLong()).isEqualTo(50_001);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(column("status", up)));
        assertThat(PaymentApi.outboxed("payment.events", "dev.moa.payment.SettlementPaid",
                SettlementBatch.batchId("SELLER", up, day))).isEqualTo(1);
    }

    @Test
    void aRerunOfTheSameBatchPaysNothingMore() {
        LocalDate day = day(2);
        UUID seller = UUID.randomUUID();
        wonLot(seller, 100_000);
        settle(day);
        settle(day);
        settle(day);

        assertThat(settlements(seller)).isEqualTo(1);
        assertThat(transfersAsked(seller)).isEqualTo(1);
    }

    @Test
    void twoInstancesAtOncePayEachSellerOnce() throws Exception {
        LocalDate day = day(3);
        List<UUID> sellers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID seller = UUID.randomUUID();
            wonLot(seller, 10_000 + i);
            sellers.add(seller);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return settle(day);
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get();
        }
        pool.shutdown();

        for (UUID seller : sellers) {
            assertThat(settlements(seller)).isEqualTo(1);
            assertThat(transfersAsked(seller)).isEqualTo(1);
        }
    }

    @Test
    void aMerchantIsSettledAtItsRateWithRefundsNetted() {
        LocalDate day = day(4);
        UUID seller = UUID.randomUUID();
        String merchant = as(seller, "MEMBER", "SELLER").contentType(ContentType.JSON)
                .body(Map.of("name", "Gallery shop")).post("/merchants").then().statusCode(201).extract().path("id");
        as(UUID.randomUUID(), "ADMIN").contentType(ContentType.JSON).body(Map.of("feeBps", 250))
                .put("/merchants/" + merchant + "/fee-rate").then().statusCode(200);
        UUID payer = UUID.randomUUID();
        String payment = as(payer).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .body(Map.of("merchantId", merchant, "amount", 100_000, "orderRef", "print-3")).post("/payments")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                PaymentApi.text("select status from payments where id = ?::uuid", payment)));
        as(seller, "MEMBER", "SELLER").header("Idempotency-Key", "key-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(Map.of("amount", 30_000))
                .post("/payments/" + payment + "/refunds").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> PaymentApi.count(
                "select count(*) from refunds where payment_id = ?::uuid and status = 'COMPLETED'", payment) == 1);
        settle(day);

        UUID merchantId = UUID.fromString(merchant);
        assertThat(column("gross", merchantId)).isEqualTo("70000");
        assertThat(column("fee", merchantId)).isEqualTo("1750");
        assertThat(column("net", merchantId)).isEqualTo("68250");
        assertThat(column("seller_id", merchantId)).isEqualTo(seller.toString());
    }

    @Test
    void aBatchMoneyRefusesLetsItsItemsGoToTheNextDaysBatch() {
        LocalDate day = day(6);
        UUID seller = UUID.randomUUID();
        FakeMoney.refuse(seller, "UNKNOWN_ACCOUNT");
        wonLot(seller, 40_000);
        settle(day);
        UUID failed = SettlementBatch.batchId("SELLER", seller, day);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(PaymentApi.text(
                "select status from settlements where id = ?", failed)));
        assertThat(PaymentApi.count("select count(*) from orders where seller_id = ? and settlement_id is null",
                seller)).isEqualTo(1);

        FakeMoney.allow(seller);
        LocalDate next = day(7);
        settle(next);
        UUID paid = SettlementBatch.batchId("SELLER", seller, next);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(PaymentApi.text(
                "select status from settlements where id = ?", paid)));
        assertThat(PaymentApi.count("select gross from settlements where id = ?", paid)).isEqualTo(40_000);
        assertThat(FakeMoney.appliedFor(seller)).isEqualTo(1);
    }

    @Test
    void aSellerReadsOnlyTheirOwnSettlements() {
        LocalDate day = day(5);
        UUID seller = UUID.randomUUID();
        wonLot(seller, 20_000);
        settle(day);
        UUID id = SettlementBatch.batchId("SELLER", seller, day);

        as(seller, "MEMBER", "SELLER").get("/settlements/" + id).then().statusCode(200)
                .body("gross", equalTo(20_000)).body("fee", equalTo(1_000)).body("net", equalTo(19_000));
        as(seller, "MEMBER", "SELLER").get("/settlements").then().statusCode(200).body("size()", equalTo(1));
        as(UUID.randomUUID(), "MEMBER", "SELLER").get("/settlements/" + id).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        as(UUID.randomUUID(), "MEMBER", "SELLER").get("/settlements").then().statusCode(200).body("size()", equalTo(0));
        as(seller).get("/settlements").then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return as(UUID.randomUUID(), "MEMBER", "ADMIN").contentType(ContentType.JSON);
    }

    @Test
    void anAdminSettlesAPastDayByHandAndARerunPaysNothingMore() {
        LocalDate day = day(10);
        UUID seller = UUID.randomUUID();
        wonLot(seller, 30_000);
        day(11);

        admin().body(Map.of("businessDate", day.toString())).post("/admin/settlements/runs").then().statusCode(200)
                .body("businessDate", equalTo(day.toString())).body("batches", greaterThanOrEqualTo(1));
        admin().body(Map.of("businessDate", day.toString())).post("/admin/settlements/runs").then().statusCode(200);

        assertThat(settlements(seller)).isEqualTo(1);
        assertThat(transfersAsked(seller)).isEqualTo(1);
        assertThat(column("net", seller)).isEqualTo("28500");
    }

    @Test
    void settlingByHandIsForAdminsAndOnlyForADayThatHasEnded() {
        LocalDate today = day(12);
        UUID seller = UUID.randomUUID();
        wonLot(seller, 40_000);
        String problem = "application/problem+json";

        as(seller, "MEMBER", "SELLER").contentType(ContentType.JSON)
                .body(Map.of("businessDate", today.minusDays(1).toString())).post("/admin/settlements/runs").then()
                .statusCode(403);
        admin().body(Map.of("businessDate", today.toString())).post("/admin/settlements/runs").then()
                .statusCode(422).contentType(containsString(problem)).body("type", endsWith("/day-not-over"));
        admin().body(Map.of("businessDate", today.minusDays(401).toString())).post("/admin/settlements/runs").then()
                .statusCode(422).body("type", endsWith("/day-too-old"));
        admin().body("{\"businessDate\": \"2033-13-40\"}").post("/admin/settlements/runs").then().statusCode(400)
                .contentType(containsString(problem));
        admin().body("{}").post("/admin/settlements/runs").then().statusCode(400).contentType(containsString(problem));

        assertThat(settlements(seller)).isZero();
    }
}
