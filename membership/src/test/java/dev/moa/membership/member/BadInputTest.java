package dev.moa.membership.member;

import dev.moa.membership.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

/** Every endpoint answers bad input with a 4xx problem+json and changes nothing; never a 500. */
@QuarkusTest
class BadInputTest {

    private static final String HUGE = "x".repeat(10 * 1024 * 1024);

    private String email;
    private String token;

    @BeforeEach
    void member() {
        Api.forgetLoginFailures();
        email = Api.uniqueEmail();
        Api.newMember(email);
        token = Api.accessToken(email, Api.PASSWORD);
    }

    private static void refused(RequestSpecification request, String method, String path) {
        request.when().request(method, path).then()
                .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .contentType("application/problem+json");
    }

    /**
     * A body past the size limit is refused from its declared length, before it is sent: the request goes out with
     * {@code Expect: 100-continue} over a plain socket and the answer is read at once.
     */
    private void tooLarge(String path, String body) {
        String method = path.equals("/members") ? "POST" : "PATCH";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: " + bytes.length
                    + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String status = reader.readLine();
            java.util.List<String> headers = new java.util.ArrayList<>();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                headers.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(status).startsWith("HTTP/1.1 413");
            assertThat(headers).anyMatch(h -> h.startsWith("content-type: application/problem+json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RequestSpecification json(String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    }

    @Test
    void signUpRefusesEveryKindOfBadBodyAndCreatesNobody() {
        long before = Api.count("select count(*) from members");
        String fresh = Api.uniqueEmail();
        List<String> bodies = List.of(
                "",
                "{",
                "[]",
                "null",
                "{\"email\":\"" + fresh + "\"}",
                "{\"email\":\"not-an-email\",\"password\":\"long enough pass\",\"name\":\"A\",\"region\":\"SEOUL\"}",
                "{\"email\":\"a@b\",\"password\":\"long enough pass\",\"name\":\"A\",\"region\":\"SEOUL\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"short\",\"name\":\"A\",\"region\":\"SEOUL\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"" + "p".repeat(129) + "\",\"name\":\"A\",\"region\":\"SEOUL\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"long enough pass\",\"name\":\"A\",\"region\":\"MARS\"}",
                "{\"email\":\"" + fresh + "\",\"password\":12345678901,\"name\":\"A\",\"region\":\"SEOUL\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"long enough pass\",\"name\":[1,2],\"region\":\"SEOUL\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"long enough pass\",\"name\":\"A\\u0000B\",\"region\":\"SEOUL\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"long enough pass\",\"name\":\"evil\\u202Egnp.exe\",\"region\":\"SEOUL\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"long enough pass\",\"name\":\"   \",\"region\":\"SEOUL\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"long enough pass\",\"name\":\"A\",\"region\":\"SEOUL\",\"locale\":\"fr\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"long enough pass\",\"name\":\"A\",\"region\":\"SEOUL\",\"phone\":\"010-1234\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"long enough pass\",\"name\":\"" + "n".repeat(101) + "\",\"region\":\"SEOUL\"}",
                "{\"email\":\"" + fresh + "\",\"password\":\"long enough pass\",\"name\":\"" + HUGE + "\",\"region\":\"SEOUL\"}");
        for (String body : bodies) {
            if (body.length() > 1_000_000) {
                tooLarge("/members", body);
                continue;
            }
            int status = given().contentType(ContentType.JSON).body(body).when().post("/members").statusCode();
            assertThat(status).as("sign-up with %s", body).isBetween(400, 499);
            refused(given().contentType(ContentType.JSON).body(body), "POST", "/members");
        }
        refused(given().contentType(ContentType.TEXT).body("email=x"), "POST", "/members");
        assertThat(Api.count("select count(*) from members")).isEqualTo(before);
    }

    @Test
    void memberEndpointsRefuseBadBodiesAndChangeNothing() {
        String profileBefore = given().auth().oauth2(token).get("/members/me").asString();
        refused(json("{\"name\":\"\"}"), "PATCH", "/members/me");
        refused(json("{\"name\":\"A\\u0007\"}"), "PATCH", "/members/me");
        refused(json("{\"region\":42}"), "PATCH", "/members/me");
        refused(json("{\"phone\":\"+0123\"}"), "PATCH", "/members/me");
        tooLarge("/members/me", "{\"locale\":\"" + HUGE + "\"}");
        refused(json("{bad json"), "PATCH", "/members/me");
        refused(json("{}"), "PUT", "/members/me/password");
        refused(json("{\"currentPassword\":\"" + Api.PASSWORD + "\",\"newPassword\":\"short\"}"), "PUT",
                "/members/me/password");
        refused(json("{\"currentPassword\":\"" + Api.PASSWORD + "\",\"newPassword\":\"1234567890\"}"), "PUT",
                "/members/me/password");
        refused(json("{\"newEmail\":\"nope\",\"password\":\"" + Api.PASSWORD + "\"}"), "PUT", "/members/me/email");
        refused(json("{\"newEmail\":true}"), "PUT", "/members/me/email");
        assertThat(given().auth().oauth2(token).get("/members/me").asString()).isEqualTo(profileBefore);
        Api.login(email, Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void authEndpointsRefuseBadBodies() {
        refused(given().contentType(ContentType.JSON).body("{}"), "POST", "/auth/login");
        refused(given().contentType(ContentType.JSON).body("{\"email\":\"a\\u0000b@x.io\",\"password\":\"p\"}"),
                "POST", "/auth/login");
        refused(given().contentType(ContentType.JSON).body("{\"email\":1,\"password\":2}"), "POST", "/auth/login");
        refused(given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\",\"password\":\""
                + "p".repeat(60_000) + "\"}"), "POST", "/auth/login");
        refused(given().contentType(ContentType.JSON).body("{\"refreshToken\":\"\"}"), "POST", "/auth/refresh");
        refused(given().contentType(ContentType.JSON).body("{\"refreshToken\":\"made-up\"}"), "POST", "/auth/refresh");
        refused(given().contentType(ContentType.JSON).body("{\"refreshToken\":[]}"), "POST", "/auth/logout");
        refused(given().contentType(ContentType.JSON).body("not json"), "POST", "/auth/logout");
    }

    @Test
    void sellerAndAdminEndpointsRefuseBadInput() {
        String admin = Api.accessToken(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        refused(json("{}"), "POST", "/sellers/applications");
        refused(json("{\"businessName\":\"\\u0000\"}"), "POST", "/sellers/applications");
        refused(json("{\"businessName\":\"" + "b".repeat(121) + "\"}"), "POST", "/sellers/applications");
        refused(given().auth().oauth2(admin), "POST", "/admin/sellers/not-a-uuid/approve");
        refused(given().auth().oauth2(admin), "GET", "/admin/members/not-a-uuid");
        refused(given().auth().oauth2(admin).queryParam("limit", 0), "GET", "/admin/members");
        refused(given().auth().oauth2(admin).queryParam("limit", 100_000), "GET", "/admin/members");
        refused(given().auth().oauth2(admin).queryParam("limit", "many"), "GET", "/admin/members");
        refused(given().auth().oauth2(admin).queryParam("q", "q".repeat(101)), "GET", "/admin/members");
        refused(given().auth().oauth2(admin).queryParam("q", "nul\u0000byte"), "GET", "/admin/members");
        refused(given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "")), "POST",
                "/admin/sellers/" + java.util.UUID.randomUUID() + "/reject");
        assertThat(Api.count("select count(*) from seller_applications where member_id = "
                + "(select id from members where email = ?)", email)).isZero();
    }
}
