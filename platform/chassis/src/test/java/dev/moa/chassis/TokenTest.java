package dev.moa.chassis;

import dev.moa.devstack.TokenKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TokenTest {

    private final TokenKeys keys = ChassisStack.stack().tokenKeys();

    @Test
    void identityComesFromTheVerifiedToken() {
        String memberId = UUID.randomUUID().toString();
        given().auth().oauth2(keys.mint(memberId, "MEMBER", "SELLER"))
                .when().get("/probe/me")
                .then().statusCode(200)
                .body("memberId", equalTo(memberId))
                .body("seller", equalTo(true));
    }

    @Test
    void noTokenIsUnauthenticated() {
        given().when().get("/probe/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void memberTokenCannotReachAdminEndpoint() {
        given().auth().oauth2(keys.mint(UUID.randomUUID().toString(), "MEMBER"))
                .when().get("/probe/admin")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(keys.mint(UUID.randomUUID().toString(), "ADMIN"))
                .when().get("/probe/admin")
                .then().statusCode(200);
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(TokenKeys.ISSUER).audience(TokenKeys.AUDIENCE)
                .subject(UUID.randomUUID().toString()).groups(Set.of("MEMBER", "ADMIN"))
                .expiresIn(Duration.ofMinutes(5)).jws().keyId(keys.keyId())
                .sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).when().get("/probe/admin")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenNamingAnUnknownKeyIdIsRejected() {
        String unknownKid = Jwt.issuer(TokenKeys.ISSUER).audience(TokenKeys.AUDIENCE)
                .subject(UUID.randomUUID().toString()).groups(Set.of("MEMBER"))
                .expiresIn(Duration.ofMinutes(5)).jws().keyId("retired-key")
                .sign(keys.privateKeyForTests());
        given().auth().oauth2(unknownKid).when().get("/probe/me")
                .then().statusCode(401);
    }

    @Test
    void expiredTokenIsRejected() {
        String expired = keys.mint(UUID.randomUUID().toString(), "x@moa.dev", Set.of("MEMBER"),
                Duration.ofMinutes(-10));
        given().auth().oauth2(expired).when().get("/probe/me")
                .then().statusCode(401);
    }
}
