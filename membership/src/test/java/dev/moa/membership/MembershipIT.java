package dev.moa.membership;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.PackagedAppChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * The packaged membership service (the JVM jar here, the native executable with {@code -Pnative}) on the devstack:
 * healthy, documented, measured; a member signs up, logs in (bcrypt off the event loop, an RS256 token signed with the
 * devstack's key) and reads their profile with that token; the JWKS is served; a common password (from the bundled
 * list, a native-image resource) and a malformed sign-up are problems.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = DevStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "moa_membership"))
class MembershipIT {

    @Test
    void startsHealthyDocumentedAndMeasured() {
        PackagedAppChecks.assertHealthy("PostgreSQL", "Kafka", "Redis");
        PackagedAppChecks.assertDocumentedAndMeasured("Moa Membership API");
    }

    @Test
    void aMemberSignsUpLogsInAndReadsTheirProfile() {
        String email = Api.uniqueEmail();
        Api.signUp(email, Api.PASSWORD, "Minji").then().statusCode(201);

        String token = Api.accessToken(email, Api.PASSWORD);

        given().auth().oauth2(token).when().get("/members/me")
                .then().statusCode(200).body("email", equalTo(email)).body("name", equalTo("Minji"));
    }

    @Test
    void theTokenVerificationKeysArePublished() {
        given().when().get("/.well-known/jwks.json")
                .then().statusCode(200).body("keys", hasSize(1))
                .body("keys[0].kid", equalTo(DevStackResource.stack().tokenKeys().keyId()))
                .body("keys[0].n", not(emptyOrNullString()));
    }

    @Test
    void aCommonPasswordIsAProblem() {
        Api.signUp(Api.uniqueEmail(), "qwertyuiop", "Minji")
                .then().statusCode(422).contentType(PackagedAppChecks.PROBLEM_JSON)
                .body("type", equalTo("https://moa.dev/problems/password-too-common"));
    }

    @Test
    void aSignUpWithoutAnEmailIsAProblem() {
        given().contentType("application/json").body("{\"password\":\"" + Api.PASSWORD + "\",\"name\":\"M\"}")
                .when().post("/members")
                .then().statusCode(400).contentType(PackagedAppChecks.PROBLEM_JSON);
    }
}
