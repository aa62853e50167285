package dev.moa.membership.seller;

import dev.moa.membership.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class SellerAndAdminTest {

    private String admin;

    @BeforeEach
    void adminToken() {
        Api.forgetLoginFailures();
        admin = Api.accessToken(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    }

    @Test
    void configuredFirstAdminExistsWithTheAdminRole() {
        given().auth().oauth2(admin).when().get("/members/me").then().statusCode(200)
                .body("email", equalTo(Api.ADMIN_EMAIL))
                .body("roles", hasItems("MEMBER", "ADMIN"));
    }

    @Test
    void approvedApplicantSellsFromTheNextToken() {
        String email = Api.uniqueEmail();
        String memberId = Api.newMember(email);
        String token = Api.accessToken(email, Api.PASSWORD);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("businessName", "Gallery Minji"))
                .when().post("/sellers/applications").then().statusCode(201).body("status", equalTo("PENDING"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("businessName", "Again"))
                .when().post("/sellers/applications").then().statusCode(409);
        given().auth().oauth2(admin).when().get("/admin/sellers/applications").then().statusCode(200)
                .body("memberId", hasItem(memberId));

        given().auth().oauth2(admin).when().post("/admin/sellers/" + memberId + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(admin).when().post("/admin/sellers/" + memberId + "/approve")
                .then().statusCode(404);

        given().auth().oauth2(Api.accessToken(email, Api.PASSWORD)).when().get("/members/me")
                .then().statusCode(200).body("roles", hasItem("SELLER"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("businessName", "Second"))
                .when().post("/sellers/applications").then().statusCode(409)
                .body("type", equalTo("https://moa.dev/problems/already-seller"));
    }

    @Test
    void rejectedApplicantStaysAMember() {
        String email = Api.uniqueEmail();
        String memberId = Api.newMember(email);
        String token = Api.accessToken(email, Api.PASSWORD);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("businessName", "Fly-by-night"))
                .when().post("/sellers/applications").then().statusCode(201);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "No business registration"))
                .when().post("/admin/sellers/" + memberId + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"));

        given().auth().oauth2(token).when().get("/sellers/applications/me").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("reason", equalTo("No business registration"));
        given().auth().oauth2(Api.accessToken(email, Api.PASSWORD)).when().get("/members/me")
                .then().body("roles", not(hasItem("SELLER")));
    }

    @Test
    void adminSearchesAndReadsMembers() {
        String email = Api.uniqueEmail();
        String memberId = Api.newMember(email);

        given().auth().oauth2(admin).queryParam("q", email.substring(0, 10)).when().get("/admin/members")
                .then().statusCode(200).body("members.id", hasItem(memberId));
        given().auth().oauth2(admin).when().get("/admin/members/" + memberId)
                .then().statusCode(200).body("email", equalTo(email));
        given().auth().oauth2(admin).queryParam("q", "100%_match\\").when().get("/admin/members")
                .then().statusCode(200).body("members.size()", equalTo(0));
        given().auth().oauth2(admin).when().get("/admin/members/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
