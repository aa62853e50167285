package dev.moa.chassis;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProblemJsonTest {

    private final String token = ChassisStack.stack().tokenKeys().mint(UUID.randomUUID().toString(), "MEMBER");

    @Test
    void validationNamesEachViolatedField() {
        given().auth().oauth2(token).header("Idempotency-Key", "validation-0001")
                .contentType(ContentType.JSON).body("{\"account\":\"\",\"amount\":-5}")
                .when().post("/probe/deposits")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://moa.dev/problems/validation"))
                .body("status", org.hamcrest.Matchers.equalTo(400))
                .body("errors.field", hasItems("account", "amount"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().auth().oauth2(token).header("Idempotency-Key", "malformed-0001")
                .contentType(ContentType.JSON).body("{\"account\": \"a\", \"amount\": ")
                .when().post("/probe/deposits")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://moa.dev/problems/malformed-json"));
    }

    @Test
    void wrongTypeInJsonIsABadRequest() {
        given().auth().oauth2(token).header("Idempotency-Key", "malformed-0002")
                .contentType(ContentType.JSON).body("{\"account\": \"a\", \"amount\": \"lots\"}")
                .when().post("/probe/deposits")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("amount"));
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        given().when().get("/probe/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://moa.dev/problems/not-found"));
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        given().auth().oauth2(token).when().delete("/probe/me")
                .then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        given().when().get("/probe/limited")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "42");
    }

    @Test
    void unexpectedFailureLeaksNoInternals() {
        given().when().get("/probe/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("errorId", notNullValue())
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")));
    }
}
