package dev.moa.membership.group;

import dev.moa.membership.group.GroupFixture.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static dev.moa.membership.group.GroupFixture.joined;
import static dev.moa.membership.group.GroupFixture.newGroup;
import static dev.moa.membership.group.GroupFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input on every group endpoint: a 4xx problem+json, never a 500, and nothing changes. */
@QuarkusTest
class GroupInputTest {

    private static final String HUGE = "모".repeat(100_000);

    /** Bodies no endpoint taking JSON accepts, whatever its fields. */
    private static final List<String> MALFORMED = List.of("", "{", "{\"name\": \"a\"", "not json", "[]", "null",
            "\"text\"", "42", "{\"a\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}");

    private final Caller owner = Caller.fresh();
    private final Caller member = Caller.fresh();
    private String groupId;

    @BeforeEach
    void aGroupWithAMember() {
        groupId = newGroup(owner);
        joined(owner, groupId, member);
    }

    private static void assertRejected(String what, ExtractableResponse<Response> response) {
        assertThat(response.statusCode()).as("status for %s", what).isBetween(400, 499);
        assertThat(response.contentType()).as("content type for %s", what).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).as("problem status for %s", what)
                .isEqualTo(response.statusCode());
    }

    /** Sends each body with {@code send} and checks it is rejected and changes nothing. */
    private static void assertAllRejected(List<String> bodies, Function<String, ExtractableResponse<Response>> send) {
        List<Long> before = snapshot();
        for (String body : bodies) {
            assertRejected(body.length() > 120 ? body.substring(0, 120) + "…" : body, send.apply(body));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    private Function<String, ExtractableResponse<Response>> post(Caller caller, String path) {
        return body -> caller.request().body(body).when().post(path).then().extract();
    }

    private Function<String, ExtractableResponse<Response>> put(Caller caller, String path) {
        return body -> caller.request().body(body).when().put(path).then().extract();
    }

    @Test
    void createRejectsMalformedJson() {
        assertAllRejected(MALFORMED, post(owner, "/groups"));
    }

    @Test
    void createRejectsMissingAndBlankNames() {
        assertAllRejected(List.of("{}", "{\"description\":\"d\"}", "{\"name\":null}", "{\"name\":\"\"}",
                "{\"name\":\"   \"}", "{\"name\":\"\\u3000\\u00a0 \"}"), post(owner, "/groups"));
    }

    @Test
    void createRejectsWrongTypes() {
        assertAllRejected(List.of("{\"name\":{\"ko\":\"모임\"}}", "{\"name\":[\"모임\"]}",
                "{\"name\":\"모임\",\"description\":{}}", "{\"name\":\"모임\",\"description\":[1,2]}"),
                post(owner, "/groups"));
    }

    @Test
    void createRejectsTooLongText() {
        assertAllRejected(List.of("{\"name\":\"" + "a".repeat(81) + "\"}",
                "{\"name\":\"" + HUGE + "\"}",
                "{\"name\":\"ok\",\"description\":\"" + "b".repeat(501) + "\"}",
                "{\"name\":\"ok\",\"description\":\"" + HUGE + "\"}"), post(owner, "/groups"));
    }

    @Test
    void createRejectsControlFormatAndInvisibleCharacters() {
        List<String> odd = List.of("\\u0000", "\\t", "\\n", "\\r", "\\u007f", "\\u0085", "\\u202e", "\\u200b",
                "\\u2066", "\\ufeff", "\\ue000", "\\ud800", "\\udfff", "\\u2028", "\\u2029", "\\u0378");
        assertAllRejected(odd.stream().map(c -> "{\"name\":\"모" + c + "임\"}").toList(), post(owner, "/groups"));
        assertAllRejected(odd.stream().map(c -> "{\"name\":\"모임\",\"description\":\"a" + c + "b\"}").toList(),
                post(owner, "/groups"));
    }

    @Test
    void createRejectsOtherMediaTypes() {
        List<Long> before = snapshot();
        assertRejected("text/plain", owner.request().contentType(ContentType.TEXT).body("name=x")
                .when().post("/groups").then().extract());
        assertRejected("form", owner.request().contentType(ContentType.URLENC).formParam("name", "x")
                .when().post("/groups").then().extract());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void createAcceptsHangulEmojiAndInnerSpacesAndNormalizes() {
        String decomposed = "\u1112\u1161\u11ab\u1100\u1173\u11af 모임 🎨"; // 한글, as some keyboards send it

        var created = GroupFixture.createGroup(owner, decomposed, " 그림 그리는 사람들 ").statusCode(201)
                .extract().jsonPath();

        assertThat(created.getString("name")).isEqualTo("한글 모임 🎨");
        assertThat(created.getString("description")).isEqualTo("그림 그리는 사람들");
    }

    @Test
    void joinRejectsBadCodes() {
        assertAllRejected(List.of("{}", "{\"code\":null}", "{\"code\":\"\"}", "{\"code\":42}", "{\"code\":true}",
                "{\"code\":{}}", "{\"code\":[]}", "{\"code\":\"short\"}", "{\"code\":\"" + HUGE + "\"}",
                "{\"code\":\"" + "a".repeat(42) + "\\u0000\"}", "{\"code\":\"" + "a".repeat(42) + "=\"}"),
                post(member, "/groups/join"));
        assertAllRejected(MALFORMED, post(member, "/groups/join"));
    }

    @Test
    void roleChangeRejectsBadRoles() {
        String path = "/groups/" + groupId + "/members/" + member.id() + "/role";
        assertAllRejected(List.of("{}", "{\"role\":null}", "{\"role\":\"OWNER\"}", "{\"role\":\"treasurer\"}",
                "{\"role\":\"ADMIN\"}", "{\"role\":1}", "{\"role\":0}", "{\"role\":[\"TREASURER\"]}",
                "{\"role\":\"" + HUGE + "\"}", "{\"role\":\"TREASURER\\u0000\"}"), put(owner, path));
        assertAllRejected(MALFORMED, put(owner, path));
    }

    @Test
    void ownershipTransferRejectsBadMemberIds() {
        String path = "/groups/" + groupId + "/owner";
        assertAllRejected(List.of("{}", "{\"memberId\":null}", "{\"memberId\":\"\"}", "{\"memberId\":\"me\"}",
                "{\"memberId\":42}", "{\"memberId\":{}}", "{\"memberId\":\"" + HUGE + "\"}",
                "{\"memberId\":\"" + member.id() + "\\u0000\"}"), put(owner, path));
        assertAllRejected(MALFORMED, put(owner, path));
    }

    @Test
    void pathIdsThatAreNotUuidsAreRejected() {
        List<Long> before = snapshot();
        for (String bad : List.of("not-a-uuid", "1", "%00", "%E2%80%AE", "x".repeat(2_000), "..%2F..")) {
            assertRejected("GET " + bad, owner.request().when().get("/groups/" + bad).then().extract());
            assertRejected("POST invites " + bad,
                    owner.request().when().post("/groups/" + bad + "/invites").then().extract());
            assertRejected("GET invites " + bad,
                    owner.request().when().get("/groups/" + bad + "/invites").then().extract());
            assertRejected("DELETE invite " + bad, owner.request()
                    .when().delete("/groups/" + groupId + "/invites/" + bad).then().extract());
            assertRejected("PUT role " + bad, owner.request().body("{\"role\":\"TREASURER\"}")
                    .when().put("/groups/" + groupId + "/members/" + bad + "/role").then().extract());
            assertRejected("PUT owner " + bad, owner.request().body("{\"memberId\":\"" + member.id() + "\"}")
                    .when().put("/groups/" + bad + "/owner").then().extract());
            assertRejected("DELETE member " + bad, owner.request()
                    .when().delete("/groups/" + groupId + "/members/" + bad).then().extract());
            assertRejected("DELETE me " + bad, member.request()
                    .when().delete("/groups/" + bad + "/members/me").then().extract());
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void unknownMethodsAreRejected() {
        assertRejected("PATCH", owner.request().body("{}").when().patch("/groups/" + groupId).then().extract());
        assertRejected("DELETE group", owner.request().when().delete("/groups/" + groupId).then().extract());
        assertRejected("GET join", owner.request().when().get("/groups/join").then().extract());
    }
}
