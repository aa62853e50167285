package dev.moa.payment;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.PackagedAppChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged payment service (the JVM jar here, the native executable with {@code -Pnative}) on the devstack:
 * healthy, documented, measured; a seller publishes a plan (its view written from a {@code Response} entity, the case
 * a native image needs registered for reflection) and a member reads it; a plan priced 0 is a problem.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class PaymentIT {

    @Test
    void startsHealthyDocumentedAndMeasured() {
        PackagedAppChecks.assertHealthy("PostgreSQL", "Kafka");
        PackagedAppChecks.assertDocumentedAndMeasured("Moa Payment API");
    }

    @Test
    void aSellerPublishesAPlanThatAMemberReads() {
        String seller = UUID.randomUUID().toString();
        String planId = given().auth().oauth2(token(seller, "SELLER")).contentType("application/json")
                .body("{\"name\":\"Monthly prints\",\"price\":9900,\"period\":\"MONTHLY\",\"trialDays\":0}")
                .when().post("/plans")
                .then().statusCode(201).body("sellerId", equalTo(seller)).body("price", equalTo(9900))
                .extract().path("id");

        given().auth().oauth2(token(UUID.randomUUID().toString(), "MEMBER")).when().get("/plans/" + planId)
                .then().statusCode(200).body("name", equalTo("Monthly prints")).body("period", equalTo("MONTHLY"));
    }

    @Test
    void aPlanPricedZeroIsAProblem() {
        given().auth().oauth2(token(UUID.randomUUID().toString(), "SELLER")).contentType("application/json")
                .body("{\"name\":\"Free\",\"price\":0,\"period\":\"MONTHLY\",\"trialDays\":0}")
                .when().post("/plans")
                .then().statusCode(400).contentType(PackagedAppChecks.PROBLEM_JSON);
    }

    private static String token(String memberId, String role) {
        return DevStackResource.stack().tokenKeys().mint(memberId, role);
    }
}
