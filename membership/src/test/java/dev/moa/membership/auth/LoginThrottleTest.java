package dev.moa.membership.auth;

import dev.moa.membership.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class LoginThrottleTest {

    @BeforeEach
    void freshAddress() {
        Api.forgetLoginFailures();
    }

    @Test
    void fiveFailuresForOneEmailThrottleItEvenWithTheRightPassword() {
        String email = Api.uniqueEmail();
        Api.newMember(email);
        for (int i = 0; i < 5; i++) {
            Api.login(email, "wrong password " + i).then().statusCode(401);
        }

        Api.login(email, Api.PASSWORD).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://moa.dev/problems/too-many-requests"));
    }

    @Test
    void parallelGuessesCannotSlipPastTheLimit() throws Exception {
        String email = Api.uniqueEmail();
        Api.newMember(email);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                int guess = i;
                answers.add(pool.submit(() -> Api.login(email, "parallel guess " + guess).statusCode()));
            }
            long guessed = 0;
            for (var answer : answers) {
                int status = answer.get();
                org.assertj.core.api.Assertions.assertThat(status).isIn(401, 429);
                guessed += status == 401 ? 1 : 0;
            }
            org.assertj.core.api.Assertions.assertThat(guessed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void currentPasswordChecksAreThrottledToo() {
        String email = Api.uniqueEmail();
        Api.newMember(email);
        String token = Api.accessToken(email, Api.PASSWORD);
        for (int i = 0; i < 5; i++) {
            io.restassured.RestAssured.given().auth().oauth2(token).contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("newEmail", Api.uniqueEmail(), "password", "guess number " + i))
                    .when().put("/members/me/email").then().statusCode(403);
        }
        io.restassured.RestAssured.given().auth().oauth2(token).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("newEmail", Api.uniqueEmail(), "password", Api.PASSWORD))
                .when().put("/members/me/email").then().statusCode(429);
    }

    @Test
    void successResetsTheEmailCount() {
        String email = Api.uniqueEmail();
        Api.newMember(email);
        for (int i = 0; i < 4; i++) {
            Api.login(email, "wrong password " + i).then().statusCode(401);
        }
        Api.login(email, Api.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            Api.login(email, "wrong password again " + i).then().statusCode(401);
        }
        Api.login(email, Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void twentyFailuresFromOneAddressThrottleEveryEmailFromIt() {
        String email = Api.uniqueEmail();
        Api.newMember(email);
        for (int i = 0; i < 20; i++) {
            Api.login(Api.uniqueEmail(), "guessing " + i).then().statusCode(401);
        }

        Api.login(email, Api.PASSWORD).then().statusCode(429).header("Retry-After", notNullValue());
        Api.forgetLoginFailures();
        Api.login(email, Api.PASSWORD).then().statusCode(200);
    }
}
