package dev.moa.chassis;

import dev.moa.chassis.security.VerifiedTokensProbe;
import dev.moa.devstack.TokenKeys;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The cache of verified tokens: it saves verifications, never a check. */
@QuarkusTest
class VerifiedTokensTest {

    private final TokenKeys keys = ChassisStack.stack().tokenKeys();

    @Inject
    VerifiedTokensProbe tokens;

    @Test
    void aVerifiedTokenIsKeptAndServesTheSameIdentity() {
        String memberId = UUID.randomUUID().toString();
        String token = keys.mint(memberId, "MEMBER");
        assertThat(tokens.isCached(token)).isFalse();

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/probe/me")
                    .then().statusCode(200).body("memberId", equalTo(memberId));
        }
        assertThat(tokens.isCached(token)).isTrue();
    }

    @Test
    void aCopyOfAKeptTokenWithOtherClaimsIsRejected() {
        String memberId = UUID.randomUUID().toString();
        String token = keys.mint(memberId, "MEMBER");
        given().auth().oauth2(token).when().get("/probe/me").then().statusCode(200);

        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"MEMBER\"", "\"ADMIN\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        given().auth().oauth2(forged).when().get("/probe/admin")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(tokens.isCached(forged)).isFalse();
    }

    @Test
    void aKeptTokenWithAnAlteredSignatureIsRejected() {
        String token = keys.mint(UUID.randomUUID().toString(), "MEMBER");
        given().auth().oauth2(token).when().get("/probe/me").then().statusCode(200);

        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1);

        given().auth().oauth2(altered).when().get("/probe/me").then().statusCode(401);
    }

    @Test
    void aTokenIsNotKeptPastItsExpiry() {
        String token = keys.mint(UUID.randomUUID().toString(), "m@moa.dev", Set.of("MEMBER"), Duration.ofSeconds(2));
        given().auth().oauth2(token).when().get("/probe/me").then().statusCode(200);
        assertThat(tokens.isCached(token)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> !tokens.isCached(token));
    }
}
