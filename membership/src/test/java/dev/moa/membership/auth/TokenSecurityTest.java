package dev.moa.membership.auth;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.TokenKeys;
import dev.moa.membership.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TokenSecurityTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final TokenKeys keys = DevStackResource.stack().tokenKeys();
    private String email;
    private String memberId;

    @BeforeEach
    void member() {
        Api.forgetLoginFailures();
        email = Api.uniqueEmail();
        memberId = Api.newMember(email);
    }

    private static void rejected(String token) {
        given().auth().oauth2(token).when().get("/members/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void issuedTokenCarriesTheStatedClaims() throws Exception {
        String token = Api.accessToken(email, Api.PASSWORD);
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var head = json.readTree(header);
        var claims = json.readTree(payload);
        org.assertj.core.api.Assertions.assertThat(head.get("alg").asText()).isEqualTo("RS256");
        org.assertj.core.api.Assertions.assertThat(head.get("kid").asText()).isEqualTo(keys.keyId());
        org.assertj.core.api.Assertions.assertThat(claims.get("sub").asText()).isEqualTo(memberId);
        org.assertj.core.api.Assertions.assertThat(claims.get("upn").asText()).isEqualTo(email);
        org.assertj.core.api.Assertions.assertThat(claims.get("iss").asText()).isEqualTo(TokenKeys.ISSUER);
        org.assertj.core.api.Assertions.assertThat(claims.get("aud").toString()).contains("moa");
        org.assertj.core.api.Assertions.assertThat(claims.get("jti").asText()).isNotBlank();
        org.assertj.core.api.Assertions.assertThat(claims.get("exp").asLong() - claims.get("iat").asLong())
                .isEqualTo(900);
        org.assertj.core.api.Assertions.assertThat(claims.get("groups").toString()).contains("MEMBER");
    }

    @Test
    void tamperedTokenIsRejected() {
        String token = Api.accessToken(email, Api.PASSWORD);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"MEMBER\"", "\"ADMIN\"");
        rejected(parts[0] + "." + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rejected(Jwt.issuer(TokenKeys.ISSUER).audience("moa").subject(memberId).groups(Set.of("MEMBER"))
                .expiresIn(Duration.ofMinutes(5)).jws().keyId(keys.keyId())
                .sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        String header = URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = System.currentTimeMillis() / 1000 + 300;
        String claims = URL.encodeToString(("{\"iss\":\"" + TokenKeys.ISSUER + "\",\"aud\":\"moa\",\"sub\":\""
                + memberId + "\",\"groups\":[\"MEMBER\",\"ADMIN\"],\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        rejected(header + "." + claims + ".");
    }

    @Test
    void expiredTokenIsRejected() {
        rejected(keys.mint(memberId, email, Set.of("MEMBER"), Duration.ofMinutes(-10)));
    }

    @Test
    void tokenWithUnknownKidIsRejected() {
        rejected(Jwt.issuer(TokenKeys.ISSUER).audience("moa").subject(memberId).groups(Set.of("MEMBER"))
                .expiresIn(Duration.ofMinutes(5)).jws().keyId("someone-elses-key")
                .sign(keys.privateKeyForTests()));
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        Response unknown = Api.login(Api.uniqueEmail(), Api.PASSWORD);
        Response wrong = Api.login(email, "not the right password");
        unknown.then().statusCode(401);
        wrong.then().statusCode(401);
        org.assertj.core.api.Assertions.assertThat(unknown.asString()
                        .replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(wrong.asString().replaceAll("\"instance\":\"[^\"]*\"", ""));
    }

    @Test
    void reusedRefreshTokenRevokesTheWholeFamily() {
        Response login = Api.login(email, Api.PASSWORD);
        String first = login.path("refreshToken");
        String second = Api.refresh(first).then().statusCode(200).extract().path("refreshToken");

        // The spent token comes back (a copy an attacker kept): the family dies, the newer token with it.
        Api.refresh(first).then().statusCode(401).body("type", equalTo("https://moa.dev/problems/invalid-refresh-token"));
        Api.refresh(second).then().statusCode(401);

        // Other sessions of the member are untouched.
        Api.login(email, Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void logoutEverywhereEndsEverySession() {
        String refreshA = Api.login(email, Api.PASSWORD).path("refreshToken");
        Response b = Api.login(email, Api.PASSWORD);
        given().auth().oauth2(b.<String>path("accessToken")).when().post("/auth/logout-all")
                .then().statusCode(204);
        Api.refresh(refreshA).then().statusCode(401);
        Api.refresh(b.path("refreshToken")).then().statusCode(401);
    }

    @Test
    void memberCannotReachAdminOrSellerApproval() {
        String other = Api.newMember(Api.uniqueEmail());
        String token = Api.accessToken(email, Api.PASSWORD);
        given().auth().oauth2(token).when().get("/admin/members").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/admin/members/" + other).then().statusCode(403);
        given().auth().oauth2(token).when().post("/admin/sellers/" + memberId + "/approve").then().statusCode(403);
        given().auth().oauth2(token).when().get("/admin/sellers/applications").then().statusCode(403);
    }

    @Test
    void identityComesOnlyFromTheToken() {
        String other = Api.uniqueEmail();
        String otherId = Api.newMember(other);
        String token = Api.accessToken(email, Api.PASSWORD);
        given().auth().oauth2(token).queryParam("memberId", otherId).header("X-Member-Id", otherId)
                .when().get("/members/me").then().statusCode(200).body("id", equalTo(memberId));
        given().auth().oauth2(token).when().get("/members/" + otherId).then().statusCode(404);
    }

    @Test
    void jwksPublishesTheSigningKeyUnderItsKid() {
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kid", equalTo(keys.keyId()))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].n", equalTo(URL.encodeToString(unsigned(
                        ((java.security.interfaces.RSAPublicKey) keys.publicKey()).getModulus()))))
                .body("keys[0].d", org.hamcrest.Matchers.nullValue());
    }

    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

}
