package dev.moa.money;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.PackagedAppChecks;
import dev.moa.events.membership.MemberRegistered;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged money service (the JVM jar here, the native executable with {@code -Pnative}) on the devstack: healthy,
 * documented, measured, and doing real work — a {@code MemberRegistered} read from Kafka opens a wallet (event JSON
 * read by the app's own mapper, the path that needs reflection in a native image), which the member then reads.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_money"))
class MoneyIT {

    @Test
    void startsHealthyDocumentedAndMeasured() {
        PackagedAppChecks.assertHealthy("PostgreSQL", "Kafka");
        PackagedAppChecks.assertDocumentedAndMeasured("Moa Money API");
    }

    @Test
    void aRegisteredMemberFindsTheirNewWallet() {
        UUID memberId = UUID.randomUUID();
        String token = DevStackResource.stack().tokenKeys().mint(memberId.toString(), "MEMBER");
        given().auth().oauth2(token).when().get("/wallets/me")
                .then().statusCode(404).contentType(PackagedAppChecks.PROBLEM_JSON)
                .body("type", equalTo("https://moa.dev/problems/wallet-not-open"));

        MoneyApi.publish(new MemberRegistered(memberId, "it-" + memberId + "@example.com", "IT", "SEOUL", "ko",
                Instant.now()), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/wallets/me")
                .then().statusCode(200).body("available", equalTo(0)).body("currency", equalTo("KRW")));
    }

    @Test
    void aRemittanceWithoutAnAmountIsAProblemAndMovesNothing() {
        String token = DevStackResource.stack().tokenKeys().mint(UUID.randomUUID().toString(), "MEMBER");
        given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body("{\"toMemberId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/remittances")
                .then().statusCode(400).contentType(PackagedAppChecks.PROBLEM_JSON);
    }

    @Test
    void anUnauthenticatedCallIsRefusedAsAProblem() {
        given().when().get("/wallets/me")
                .then().statusCode(401).contentType(PackagedAppChecks.PROBLEM_JSON);
    }
}
