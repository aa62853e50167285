package dev.moa.membership.auth;

import dev.moa.devstack.DevStackResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** After a key rotation the retired key stays published, until its tokens have expired, beside the signing one. */
@QuarkusTest
@TestProfile(KeyRotationTest.WithRetiredKey.class)
class KeyRotationTest {

    public static class WithRetiredKey implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path retired = Files.createTempFile("moa-retired-keys", ".json");
                // A careless operator pasted the private exponent too: it must never be published.
                Files.writeString(retired, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\","
                        + "\"kid\":\"moa-2025-q4\",\"n\":\"sXch\",\"e\":\"AQAB\",\"d\":\"SECRET-PRIVATE-EXPONENT\"}]}");
                retired.toFile().deleteOnExit();
                return Map.of("moa.token.retired-keys-location", retired.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void jwksKeepsTheRetiredKeyWithoutItsPrivateParts() {
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", contains(DevStackResource.stack().tokenKeys().keyId(), "moa-2025-q4"))
                .body(not(containsString("SECRET-PRIVATE-EXPONENT")))
                .body(not(containsString("\"d\"")));
    }
}
