package dev.moa.auction;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.PackagedAppChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The packaged auction-bidding service (the JVM jar here, the native executable with {@code -Pnative}) on the
 * devstack: healthy (Redis too), documented, measured; a member browses the lots; a bid on a lot that does not exist
 * and a page out of bounds are problems.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class AuctionBiddingIT {

    @Test
    void startsHealthyDocumentedAndMeasured() {
        PackagedAppChecks.assertHealthy("PostgreSQL", "Kafka", "Redis");
        PackagedAppChecks.assertDocumentedAndMeasured("Moa Auction bidding API");
    }

    @Test
    void aMemberBrowsesTheLots() {
        given().auth().oauth2(token("MEMBER")).when().get("/lots")
                .then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void aPageOutOfBoundsIsAProblem() {
        given().auth().oauth2(token("MEMBER")).queryParam("size", 100_000).when().get("/lots")
                .then().statusCode(400).contentType(PackagedAppChecks.PROBLEM_JSON).body("status", equalTo(400));
    }

    @Test
    void aLotWithoutTermsIsAProblem() {
        given().auth().oauth2(token("SELLER")).contentType("application/json").body("{}")
                .when().post("/lots")
                .then().statusCode(400).contentType(PackagedAppChecks.PROBLEM_JSON);
    }

    private static String token(String role) {
        return DevStackResource.stack().tokenKeys().mint(UUID.randomUUID().toString(), role);
    }
}
