package dev.moa.payment.subscription;

import dev.moa.devstack.DevStackResource;
import dev.moa.payment.FakeMoney;
import dev.moa.payment.MovableClock;
import dev.moa.payment.clock.SeoulClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.UUID;

import static dev.moa.payment.PaymentApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The seller dashboard over a month of subscriptions of the seller's two plans; other sellers see none of it. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class DashboardTest {

    static UUID seller = UUID.randomUUID();
    static UUID gold;
    static UUID silver;

    static boolean made;

    @BeforeAll
    static void money() {
        FakeMoney.start();
    }

    /** Once for the class, over HTTP (which serves only once the application has started, after @BeforeAll). */
    @BeforeEach
    void aMonthOfSubscriptions() {
        if (made) {
            return;
        }
        made = true;
        MovableClock.set(ZonedDateTime.of(2035, 1, 10, 12, 0, 0, 0, SeoulClock.ZONE));
        gold = Subs.plan(seller, 1_000, "MONTHLY", 0);
        silver = Subs.plan(seller, 500, "MONTHLY", 0);
        UUID stays = UUID.randomUUID();
        UUID leaves = UUID.randomUUID();
        UUID first = Subs.subscribe(stays, gold);
        UUID second = Subs.subscribe(leaves, gold);
        UUID third = Subs.subscribe(UUID.randomUUID(), silver);
        UUID broke = UUID.randomUUID();
        FakeMoney.refuse(broke, "INSUFFICIENT_FUNDS");
        UUID neverPaid = Subs.subscribe(broke, silver);
        Subs.awaitAnswered(neverPaid);
        Subs.awaitAnswered(first);
        Subs.awaitAnswered(second);
        Subs.awaitAnswered(third);
        as(leaves).post("/subscriptions/" + second + "/cancel").then().statusCode(200);

        Subs.run(MovableClock.set(ZonedDateTime.of(2035, 2, 10, 12, 0, 0, 0, SeoulClock.ZONE)));
        Subs.awaitAnswered(first);
        Subs.awaitAnswered(third);
    }

    @Test
    void revenueAndSubscribersByDayAndMonthAndTopPlans() {
        as(seller, "MEMBER", "SELLER").queryParam("from", "2035-01-01").queryParam("to", "2035-02-28")
                .get("/dashboard").then().statusCode(200)
                .body("activeSubscribers", equalTo(2))
                .body("byDay", hasSize(2))
                .body("byDay[0].period", equalTo("2035-01-10"))
                .body("byDay[0].revenue", equalTo(2_500))
                .body("byDay[0].newSubscribers", equalTo(3))
                .body("byDay[0].canceledSubscribers", equalTo(0))
                .body("byDay[1].period", equalTo("2035-02-10"))
                .body("byDay[1].revenue", equalTo(1_500))
                .body("byDay[1].canceledSubscribers", equalTo(1))
                .body("byMonth[1].period", equalTo("2035-02"))
                .body("byMonth[1].revenue", equalTo(1_500))
                .body("topPlans[0].planId", equalTo(gold.toString()))
                .body("topPlans[0].revenue", equalTo(3_000))
                .body("topPlans[1].planId", equalTo(silver.toString()))
                .body("topPlans[1].activeSubscribers", equalTo(1));
    }

    @Test
    void anotherSellerSeesNoneOfIt() {
        as(UUID.randomUUID(), "MEMBER", "SELLER").queryParam("from", "2035-01-01").queryParam("to", "2035-02-28")
                .get("/dashboard").then().statusCode(200)
                .body("activeSubscribers", equalTo(0)).body("byDay", hasSize(0)).body("topPlans", hasSize(0));
    }

    @Test
    void aMemberWhoIsNoSellerHasNoDashboard() {
        as(UUID.randomUUID()).get("/dashboard").then().statusCode(403);
    }

    @Test
    void aBackwardsTooLongOrMalformedRangeIsABadRequest() {
        for (String[] range : new String[][]{{"2035-02-01", "2035-01-01"}, {"2034-01-01", "2035-02-01"},
                {"yesterday", "2035-01-01"}}) {
            as(seller, "MEMBER", "SELLER").queryParam("from", range[0]).queryParam("to", range[1])
                    .get("/dashboard").then().statusCode(400).contentType(containsString("application/problem+json"));
        }
    }
}
