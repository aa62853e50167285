package dev.moa.banking;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.PackagedAppChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The packaged banking service (the JVM jar here, the native executable with {@code -Pnative}) on the devstack and
 * the bank simulator: healthy, documented, measured; a member lists their (no) linked accounts; a malformed link
 * request is a problem and reaches no bank.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_banking"))
@QuarkusTestResource(BankSimulatorResource.class)
class BankingIT {

    @Test
    void startsHealthyDocumentedAndMeasured() {
        PackagedAppChecks.assertHealthy("PostgreSQL", "Kafka");
        PackagedAppChecks.assertDocumentedAndMeasured("Moa Banking API");
    }

    @Test
    void aNewMemberHasNoLinkedAccounts() {
        given().auth().oauth2(token()).when().get("/bank-accounts")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aLinkWithAMalformedAccountNumberIsAProblem() {
        given().auth().oauth2(token()).contentType("application/json")
                .body("{\"bankCode\":\"088\",\"accountNumber\":\"12-34\",\"holderName\":\"Kim\"}")
                .when().post("/bank-accounts")
                .then().statusCode(400).contentType(PackagedAppChecks.PROBLEM_JSON)
                .body("status", equalTo(400));
    }

    @Test
    void anUnauthenticatedCallIsRefusedAsAProblem() {
        given().when().get("/bank-accounts").then().statusCode(401).contentType(PackagedAppChecks.PROBLEM_JSON);
    }

    private static String token() {
        return DevStackResource.stack().tokenKeys().mint(UUID.randomUUID().toString(), "MEMBER");
    }
}
