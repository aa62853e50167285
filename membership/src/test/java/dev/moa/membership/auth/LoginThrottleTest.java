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
