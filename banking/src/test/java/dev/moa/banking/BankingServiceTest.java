package dev.moa.banking;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.OperabilityChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Banking on the devstack, with the bank simulator as a separate process (both resources serve every test class). */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_banking"))
@QuarkusTestResource(BankSimulatorResource.class)
class BankingServiceTest {

    @Test
    void startsOnTheDevstackHealthyAndDocumented() {
        OperabilityChecks.assertOperable("Moa Banking API", "PostgreSQL", "Kafka");
    }

    @Test
    void documentsTheBankAccountEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/bank-accounts")).body(containsString("bank-account-already-linked"));
    }

    @Test
    void exposesFirmbankingMetrics() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("moa_firmbanking_review")).body(containsString("moa_firmbanking_unresolved"));
    }
}
