package dev.moa.payment.order;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.Topics;
import dev.moa.payment.FakeMoney;
import dev.moa.payment.PaymentApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.moa.payment.PaymentApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Who may read which order: its buyer and its seller; anyone else gets 404, whatever they try. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class OrderReadTest {

    static WonLotTest.Lot lot;

    @BeforeAll
    static void aPaidOrder() {
        FakeMoney.start();
        lot = WonLotTest.Lot.create();
        lot.approve(5_000_000);
        PaymentApi.publish(Topics.AUCTION_EVENTS, lot.sold(1_000_005));
        WonLotTest.awaitStatus(lot, "PAID");
    }

    @Test
    void theBuyerSeesTheOrderWithItsPremiumRoundedHalfUp() {
        as(lot.winnerId()).get("/orders/" + lot.orderId()).then().statusCode(200)
                .body("hammerPrice", equalTo(1_000_005))
                .body("premium", equalTo(100_001))
                .body("total", equalTo(1_100_006))
                .body("status", equalTo("PAID"));
    }

    @Test
    void theSellerSeesTheOrderToo() {
        as(lot.sellerId(), "MEMBER", "SELLER").get("/orders/" + lot.orderId()).then().statusCode(200)
                .body("lotId", equalTo(lot.lotId().toString()));
    }

    @Test
    void anotherMemberGets404() {
        as(UUID.randomUUID()).get("/orders/" + lot.orderId()).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void myOrdersListOnlyMine() {
        as(lot.winnerId()).get("/orders/me").then().statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo(lot.orderId().toString()));
        as(UUID.randomUUID()).get("/orders/me").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void salesAreTheSellersOwn() {
        as(lot.sellerId(), "MEMBER", "SELLER").get("/sales/me").then().statusCode(200).body("$", hasSize(1));
        as(UUID.randomUUID(), "MEMBER", "SELLER").get("/sales/me").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aMemberWhoIsNoSellerHasNoSales() {
        as(lot.sellerId()).get("/sales/me").then().statusCode(403);
    }

    @Test
    void withoutATokenNothingIsShown() {
        given().get("/orders/" + lot.orderId()).then().statusCode(401);
        given().get("/orders/me").then().statusCode(401);
    }

    @Test
    void aPageTooLargeIsABadRequest() {
        as(lot.winnerId()).get("/orders/me?size=1000").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aMalformedOrderIdIsABadRequest() {
        as(lot.winnerId()).get("/orders/not-a-uuid").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }
}
