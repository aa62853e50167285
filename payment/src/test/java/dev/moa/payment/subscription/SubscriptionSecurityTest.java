package dev.moa.payment.subscription;

import dev.moa.devstack.DevStackResource;
import dev.moa.payment.FakeMoney;
import dev.moa.payment.PaymentApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.moa.payment.PaymentApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Roles, other members' subscriptions, idempotency and bad input: 4xx problem+json and nothing changed. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class SubscriptionSecurityTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void money() {
        FakeMoney.start();
    }

    private static long plansOf(UUID seller) {
        return PaymentApi.count("select count(*) from plans where seller_id = ?", seller);
    }

    private static long subscriptionsOf(UUID member) {
        return PaymentApi.count("select count(*) from subscriptions where subscriber_id = ?", member);
    }

    private static Map<String, Object> plan(Object price) {
        return Map.of("name", "Weekly sketch", "price", price, "period", "WEEKLY", "trialDays", 0);
    }

    @Test
    void aMemberWhoIsNoSellerCannotPublishAPlan() {
        UUID member = UUID.randomUUID();
        as(member).contentType(ContentType.JSON).body(plan(1_000)).post("/plans").then().statusCode(403);
        assertThat(plansOf(member)).isZero();
    }

    @Test
    void aSellerCannotChangeAnotherSellersPlan() {
        UUID plan = Subs.plan(UUID.randomUUID(), 1_000, "WEEKLY", 0);
        as(UUID.randomUUID(), "MEMBER", "SELLER").contentType(ContentType.JSON).body(Map.of("price", 1))
                .patch("/plans/" + plan).then().statusCode(404).contentType(containsString(PROBLEM));
        assertThat(PaymentApi.count("select price from plans where id = ?", plan)).isEqualTo(1_000);
    }

    @Test
    void negativeZeroAndHugePricesAreRefused() {
        UUID seller = UUID.randomUUID();
        for (Object price : new Object[]{-1, 0, 100_000_001, Long.MAX_VALUE, "1000", 10.5}) {
            as(seller, "MEMBER", "SELLER").contentType(ContentType.JSON).body(plan(price)).post("/plans")
                    .then().statusCode(400).contentType(containsString(PROBLEM));
        }
        assertThat(plansOf(seller)).isZero();
    }

    @Test
    void malformedJsonIsABadRequest() {
        UUID seller = UUID.randomUUID();
        as(seller, "MEMBER", "SELLER").contentType(ContentType.JSON).body("{\"name\": \"x\", \"price\": ")
                .post("/plans").then().statusCode(400).contentType(containsString(PROBLEM));
        as(seller).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .body("{\"planId\": 7}").post("/subscriptions").then().statusCode(400)
                .contentType(containsString(PROBLEM));
        assertThat(plansOf(seller)).isZero();
        assertThat(subscriptionsOf(seller)).isZero();
    }

    @Test
    void anotherMembersSubscriptionIsNotFoundAndStaysAsItWas() {
        UUID subscription = Subs.subscribe(UUID.randomUUID(), Subs.plan(UUID.randomUUID(), 1_000, "WEEKLY", 0));
        Subs.awaitAnswered(subscription);
        UUID stranger = UUID.randomUUID();
        as(stranger).get("/subscriptions/" + subscription).then().statusCode(404).contentType(containsString(PROBLEM));
        as(stranger).post("/subscriptions/" + subscription + "/cancel").then().statusCode(404);
        as(stranger).post("/subscriptions/" + subscription + "/pause").then().statusCode(404);
        as(stranger).get("/subscriptions/me").then().statusCode(200).body("size()", equalTo(0));
        assertThat(PaymentApi.text("select status || cancel_at_period_end from subscriptions where id = ?",
                subscription)).isEqualTo("ACTIVEfalse");
    }

    @Test
    void subscribingWithoutAnIdempotencyKeyIsRefused() {
        UUID member = UUID.randomUUID();
        UUID plan = Subs.plan(UUID.randomUUID(), 1_000, "WEEKLY", 0);
        as(member).contentType(ContentType.JSON).body(Map.of("planId", plan.toString())).post("/subscriptions")
                .then().statusCode(400).contentType(containsString(PROBLEM));
        assertThat(subscriptionsOf(member)).isZero();
    }

    @Test
    void theSameKeyAgainReplaysTheFirstSubscription() {
        UUID member = UUID.randomUUID();
        UUID plan = Subs.plan(UUID.randomUUID(), 1_000, "WEEKLY", 0);
        String key = "key-" + UUID.randomUUID();
        String first = Subs.subscribe(member, plan, key).then().statusCode(201).extract().path("id");
        Subs.subscribe(member, plan, key).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        Subs.subscribe(member, Subs.plan(UUID.randomUUID(), 1_000, "WEEKLY", 0), key).then().statusCode(422);
        assertThat(subscriptionsOf(member)).isEqualTo(1);
        assertThat(Subs.transfersAsked(UUID.fromString(first))).isEqualTo(1);
    }

    @Test
    void aSecondSubscriptionToTheSamePlanIsAConflict() {
        UUID member = UUID.randomUUID();
        UUID plan = Subs.plan(UUID.randomUUID(), 1_000, "WEEKLY", 0);
        Subs.subscribe(member, plan);
        Subs.subscribe(member, plan, "key-" + UUID.randomUUID()).then().statusCode(409)
                .contentType(containsString(PROBLEM));
        assertThat(subscriptionsOf(member)).isEqualTo(1);
    }

    @Test
    void anUnknownPlanIsNotFoundAndASellersOwnPlanCannotBeSubscribed() {
        UUID seller = UUID.randomUUID();
        Subs.subscribe(seller, UUID.randomUUID(), "key-" + UUID.randomUUID()).then().statusCode(404);
        UUID plan = Subs.plan(seller, 1_000, "WEEKLY", 0);
        Subs.subscribe(seller, plan, "key-" + UUID.randomUUID()).then().statusCode(422);
        assertThat(subscriptionsOf(seller)).isZero();
    }
}
