package dev.moa.flows;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * A person using the mobile app: signs up and logs in at membership like anyone, then calls any service with the
 * access token membership issued (no token minted by the test).
 */
public final class AppUser {

    private final RunningPlatform platform;
    private final String email;
    private final String name;
    private final UUID memberId;
    private final String accessToken;

    private AppUser(RunningPlatform platform, String email, String name, UUID memberId, String accessToken) {
        this.platform = platform;
        this.email = email;
        this.name = name;
        this.memberId = memberId;
        this.accessToken = accessToken;
    }

    /** Signs up with a fresh e-mail and logs in. */
    public static AppUser signUp(RunningPlatform platform, String name) {
        String email = "flow-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse " + UUID.randomUUID();
        String id = RestAssured.given().baseUri(platform.uri("membership").toString())
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "name", name, "region", "SEOUL", "locale", "ko"))
                .post("/members")
                .then().statusCode(201)
                .extract().path("id");
        String token = RestAssured.given().baseUri(platform.uri("membership").toString())
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
        return new AppUser(platform, email, name, UUID.fromString(id), token);
    }

    /** A request to {@code module} carrying this user's access token. */
    public RequestSpecification at(String module) {
        URI base = platform.uri(module);
        return RestAssured.given().baseUri(base.toString())
                .auth().oauth2(accessToken)
                .contentType(ContentType.JSON);
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public UUID memberId() {
        return memberId;
    }
}
