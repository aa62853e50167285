package dev.moa.payment.merchant;

import dev.moa.devstack.DevStackResource;
import dev.moa.payment.FakeMoney;
import dev.moa.payment.MovableClock;
import dev.moa.payment.PaymentApi;
import dev.moa.payment.clock.SeoulClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
import static org.hamcrest.Matchers.equalTo;

/** Merchants, their fee rates (administrators only), payments from wallets and refunds; money played over Kafka. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class MerchantPaymentTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void money() {
        FakeMoney.start();
    }

    @BeforeEach
    void now() {
        MovableClock.set(ZonedDateTime.of(2031, 4, 1, 12, 0, 0, 0, SeoulClock.ZONE));
    }

    static UUID merchant(UUID seller) {
        String id = as(seller, "MEMBER", "SELLER").contentType(ContentType.JSON).body(Map.of("name", "Cafe Moa"))
                .post("/merchants").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static Response pay(UUID payer, Object merchant, Object amount, String key) {
        return as(payer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("merchantId", merchant.toString(), "amount", amount, "orderRef", "table-7"))
                .post("/payments");
    }

    static UUID completedPayment(UUID payer, UUID merchant, long amount) {
        String id = pay(payer, merchant, amount, key()).then().statusCode(202).extract().path("id");
        awaitStatus(UUID.fromString(id), "COMPLETED");
        return UUID.fromString(id);
    }

    static Response refund(UUID seller, UUID payment, Object amount, String key) {
        return as(seller, "MEMBER", "SELLER").header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("amount", amount)).post("/payments/" + payment + "/refunds");
    }

    static void awaitStatus(UUID payment, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(
                PaymentApi.text("select status from payments where id = ?", payment)));
    }

    static long refunded(UUID payment) {
        return PaymentApi.count("select refunded from payments where id = ?", payment);
    }

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void aSellerRegistersAMerchantAtTheDefaultFeeAndOnlyAnAdministratorChangesIt() {
        UUID seller = UUID.randomUUID();
        UUID merchant = merchant(seller);
        as(seller, "MEMBER", "SELLER").get("/merchants/me").then().statusCode(200).body("[0].feeBps", equalTo(300));

        as(seller, "MEMBER", "SELLER").contentType(ContentType.JSON).body(Map.of("feeBps", 0))
                .put("/merchants/" + merchant + "/fee-rate").then().statusCode(403);
        as(UUID.randomUUID()).contentType(ContentType.JSON).body(Map.of("feeBps", 0))
                .put("/merchants/" + merchant + "/fee-rate").then().statusCode(403);
        assertThat(PaymentApi.count("select fee_bps from merchants where id = ?", merchant)).isEqualTo(300);

        as(UUID.randomUUID(), "ADMIN").contentType(ContentType.JSON).body(Map.of("feeBps", 10_001))
                .put("/merchants/" + merchant + "/fee-rate").then().statusCode(400)
                .contentType(containsString(PROBLEM));
        as(UUID.randomUUID(), "ADMIN").contentType(ContentType.JSON).body(Map.of("feeBps", 250))
                .put("/merchants/" + merchant + "/fee-rate").then().statusCode(200).body("feeBps", equalTo(250));
    }

    @Test
    void aMemberWhoIsNoSellerCannotRegisterAMerchant() {
        UUID member = UUID.randomUUID();
        as(member).contentType(ContentType.JSON).body(Map.of("name", "Cafe")).post("/merchants").then().statusCode(403);
        assertThat(PaymentApi.count("select count(*) from merchants where seller_id = ?", member)).isZero();
    }

    @Test
    void aPaymentMovesTheWalletToSettlementPayableOnceAndCompletes() {
        UUID merchant = merchant(UUID.randomUUID());
        UUID payer = UUID.randomUUID();
        String key = key();
        String id = pay(payer, merchant, 45_000, key).then().statusCode(202).body("status", equalTo("PENDING"))
                .extract().path("id");
        pay(payer, merchant, 45_000, key).then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        awaitStatus(UUID.fromString(id), "COMPLETED");

        var transfer = FakeMoney.awaitCommand(payer).data();
        assertThat(transfer.path("credit").path("code").asText()).isEqualTo("SETTLEMENT_PAYABLE");
        assertThat(transfer.path("amount").asLong()).isEqualTo(45_000);
        assertThat(FakeMoney.appliedFor(payer)).isEqualTo(1);
        assertThat(PaymentApi.outboxed("payment.events", "dev.moa.payment.PaymentCompleted", id)).isEqualTo(1);
        as(payer).get("/payments/" + id).then().statusCode(200).body("status", equalTo("COMPLETED"));
        as(UUID.randomUUID()).get("/payments/" + id).then().statusCode(404).contentType(containsString(PROBLEM));
    }

    @Test
    void aPaymentMoneyRefusesFails() {
        UUID merchant = merchant(UUID.randomUUID());
        UUID payer = UUID.randomUUID();
        FakeMoney.refuse(payer, "INSUFFICIENT_FUNDS");
        String id = pay(payer, merchant, 10_000, key()).then().statusCode(202).extract().path("id");

        awaitStatus(UUID.fromString(id), "FAILED");
        assertThat(PaymentApi.outboxed("payment.events", "dev.moa.payment.PaymentCompleted", id)).isZero();
    }

    @Test
    void negativeHugeAndMalformedPaymentsAreRefusedAndNothingIsRecorded() {
        UUID merchant = merchant(UUID.randomUUID());
        UUID payer = UUID.randomUUID();
        for (Object amount : new Object[]{-1, 0, 100_000_001, Long.MAX_VALUE, "5000", 1.5}) {
            pay(payer, merchant, amount, key()).then().statusCode(400).contentType(containsString(PROBLEM));
        }
        as(payer).header("Idempotency-Key", key()).contentType(ContentType.JSON).body("{\"merchantId\":")
                .post("/payments").then().statusCode(400).contentType(containsString(PROBLEM));
        pay(payer, UUID.randomUUID(), 1_000, key()).then().statusCode(404).contentType(containsString(PROBLEM));
        assertThat(PaymentApi.count("select count(*) from payments where payer_id = ?", payer)).isZero();
    }

    @Test
    void partialAndFullRefundsNeverExceedWhatWasPaid() {
        UUID seller = UUID.randomUUID();
        UUID payer = UUID.randomUUID();
        UUID payment = completedPayment(payer, merchant(seller), 30_000);

        refund(seller, payment, 10_000, key()).then().statusCode(202);
        refund(seller, payment, 20_001, key()).then().statusCode(422).contentType(containsString(PROBLEM));
        assertThat(refunded(payment)).isEqualTo(10_000);
        refund(seller, payment, 20_000, key()).then().statusCode(202);
        refund(seller, payment, 1, key()).then().statusCode(422);

        await().atMost(Duration.ofSeconds(30)).until(() -> PaymentApi.count(
                "select count(*) from refunds where payment_id = ? and status = 'COMPLETED'", payment) == 2);
        assertThat(refunded(payment)).isEqualTo(30_000);
        assertThat(PaymentApi.outboxed("payment.events", "dev.moa.payment.PaymentRefunded", payment)).isEqualTo(2);
    }

    @Test
    void concurrentRefundsNeverExceedThePayment() throws Exception {
        UUID seller = UUID.randomUUID();
        UUID payment = completedPayment(UUID.randomUUID(), merchant(seller), 100_000);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return refund(seller, payment, 40_000, key()).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 202).hasSize(2);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(4);
        assertThat(refunded(payment)).isEqualTo(80_000);
        assertThat(PaymentApi.count("select coalesce(sum(amount), 0) from refunds where payment_id = ?", payment))
                .isEqualTo(80_000);
    }

    @Test
    void aRefundAfterTheWindowIsRefused() {
        UUID seller = UUID.randomUUID();
        UUID payment = completedPayment(UUID.randomUUID(), merchant(seller), 5_000);
        MovableClock.set(ZonedDateTime.of(2031, 5, 2, 12, 0, 0, 0, SeoulClock.ZONE));

        refund(seller, payment, 1_000, key()).then().statusCode(422).body("type", containsString("refund-window"));
        assertThat(refunded(payment)).isZero();
    }

    @Test
    void onlyTheMerchantsSellerRefunds() {
        UUID payer = UUID.randomUUID();
        UUID payment = completedPayment(payer, merchant(UUID.randomUUID()), 5_000);

        refund(UUID.randomUUID(), payment, 1_000, key()).then().statusCode(404).contentType(containsString(PROBLEM));
        as(payer).header("Idempotency-Key", key()).contentType(ContentType.JSON).body(Map.of("amount", 1_000))
                .post("/payments/" + payment + "/refunds").then().statusCode(403);
        assertThat(refunded(payment)).isZero();
    }

    @Test
    void aRefundMoneyRefusesGivesItsAmountBack() {
        UUID seller = UUID.randomUUID();
        UUID payer = UUID.randomUUID();
        UUID payment = completedPayment(payer, merchant(seller), 5_000);
        FakeMoney.refuse(payer, "UNKNOWN_ACCOUNT");

        refund(seller, payment, 2_000, key()).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> PaymentApi.count(
                "select count(*) from refunds where payment_id = ? and status = 'FAILED'", payment) == 1);
        assertThat(refunded(payment)).isZero();
    }
}
