package dev.moa.membership.member;

import dev.moa.membership.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MemberFlowTest {

    @BeforeEach
    void freshAddress() {
        Api.forgetLoginFailures();
    }

    @Test
    void signUpLoginMeRefreshLogout() {
        String email = Api.uniqueEmail();
        Response signUp = Api.signUp(email.toUpperCase(), Api.PASSWORD, "김민지");
        signUp.then().statusCode(201)
                .header("Location", notNullValue())
                .body("email", equalTo(email))
                .body("name", equalTo("김민지"))
                .body("roles", hasItem("MEMBER"))
                .body("password", nullValue())
                .body("passwordHash", nullValue());
        String memberId = signUp.path("id");

        Response login = Api.login(email, Api.PASSWORD);
        login.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900));
        String access = login.path("accessToken");
        String refresh = login.path("refreshToken");

        given().auth().oauth2(access).when().get("/members/me")
                .then().statusCode(200).body("id", equalTo(memberId)).body("email", equalTo(email));

        Response rotated = Api.refresh(refresh);
        rotated.then().statusCode(200);
        String newAccess = rotated.path("accessToken");
        String newRefresh = rotated.path("refreshToken");
        assertThat(newRefresh).isNotEqualTo(refresh);
        given().auth().oauth2(newAccess).when().get("/members/me").then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", newRefresh))
                .when().post("/auth/logout").then().statusCode(204);
        Api.refresh(newRefresh).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void emailIsUniqueCaseInsensitively() {
        String email = Api.uniqueEmail();
        Api.newMember(email);

        Api.signUp(email.toUpperCase(), Api.PASSWORD, "Someone Else").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/email-taken"));
        assertThat(Api.count("select count(*) from members where lower(email) = ?", email)).isEqualTo(1);
    }

    @Test
    void commonPasswordIsRefused() {
        String email = Api.uniqueEmail();
        Api.signUp(email, "1234567890", "Minji").then().statusCode(422)
                .body("type", equalTo("https://moa.dev/problems/password-too-common"));
        Api.signUp(email, "QWERTYUIOP", "Minji").then().statusCode(422);
        assertThat(Api.count("select count(*) from members where email = ?", email)).isZero();
    }

    @Test
    void profileChangesKeepWhatIsNotSent() {
        String email = Api.uniqueEmail();
        Api.newMember(email);
        String access = Api.accessToken(email, Api.PASSWORD);

        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("region", "BUSAN", "phone", "+821012345678"))
                .when().patch("/members/me")
                .then().statusCode(200)
                .body("region", equalTo("BUSAN"))
                .body("phone", equalTo("+821012345678"))
                .body("name", equalTo("Minji Kim"));
    }

    @Test
    void passwordChangeNeedsTheCurrentOneAndEndsOtherSessions() {
        String email = Api.uniqueEmail();
        Api.newMember(email);
        Response here = Api.login(email, Api.PASSWORD);
        Response elsewhere = Api.login(email, Api.PASSWORD);
        String access = here.path("accessToken");

        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not the password at all", "newPassword", "a new long passphrase 42"))
                .when().put("/members/me/password").then().statusCode(403);
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "a new long passphrase 42"))
                .when().put("/members/me/password").then().statusCode(204);

        Api.refresh(elsewhere.path("refreshToken")).then().statusCode(401);
        Api.refresh(here.path("refreshToken")).then().statusCode(200);
        Api.login(email, Api.PASSWORD).then().statusCode(401);
        Api.login(email, "a new long passphrase 42").then().statusCode(200);
    }

    @Test
    void emailChangeNeedsThePasswordAndAFreeAddress() {
        String email = Api.uniqueEmail();
        String taken = Api.uniqueEmail();
        Api.newMember(email);
        Api.newMember(taken);
        String access = Api.accessToken(email, Api.PASSWORD);
        String newEmail = Api.uniqueEmail();

        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("newEmail", newEmail, "password", "wrong password!!"))
                .when().put("/members/me/email").then().statusCode(403);
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("newEmail", taken, "password", Api.PASSWORD))
                .when().put("/members/me/email").then().statusCode(409);
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("newEmail", newEmail, "password", Api.PASSWORD))
                .when().put("/members/me/email").then().statusCode(200).body("email", equalTo(newEmail));

        Api.login(newEmail, Api.PASSWORD).then().statusCode(200);
        Api.login(email, Api.PASSWORD).then().statusCode(401).body(not(equalTo("")));
    }
}
