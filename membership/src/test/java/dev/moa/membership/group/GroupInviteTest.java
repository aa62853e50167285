package dev.moa.membership.group;

import dev.moa.membership.group.GroupFixture.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.moa.membership.group.GroupFixture.invite;
import static dev.moa.membership.group.GroupFixture.join;
import static dev.moa.membership.group.GroupFixture.newCode;
import static dev.moa.membership.group.GroupFixture.newGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.endsWith;

@QuarkusTest
class GroupInviteTest {

    private final Caller owner = Caller.fresh();
    private final Caller stranger = Caller.fresh();
    private String groupId;

    @BeforeEach
    void aGroup() {
        groupId = newGroup(owner);
    }

    private JsonPath activeInvites() {
        return owner.request().when().get("/groups/{id}/invites", groupId).then().statusCode(200).extract().jsonPath();
    }

    private void revoke(String inviteId) {
        owner.request().when().delete("/groups/{id}/invites/{inviteId}", groupId, inviteId).then().statusCode(204);
    }

    @Test
    void anInviteHasAUrlSafeCodeOfAtLeast128RandomBitsValidForSevenDays() {
        var response = invite(owner, groupId).statusCode(201).extract();
        JsonPath created = response.jsonPath();

        assertThat(created.getString("code")).matches("[A-Za-z0-9_-]{43}");
        assertThat(Instant.parse(created.getString("expiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
        assertThat(response.header("Location")).endsWith("/groups/" + groupId + "/invites/"
                + created.getString("inviteId"));
    }

    @Test
    void everyInviteHasItsOwnCode() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            codes.add(newCode(owner, groupId));
        }
        assertThat(codes).hasSize(10);
    }

    @Test
    void onlyAHashOfTheCodeIsStored() {
        String code = newCode(owner, groupId);

        assertThat(GroupFixture.queryLong(
                "select count(*) from group_invite where code_hash = encode(sha256(?::bytea), 'hex')", code))
                .isEqualTo(1);
        assertThat(GroupFixture.queryLong("select count(*) from group_invite where code_hash = ?", code)).isZero();
    }

    @Test
    void listedInvitesCarryNoCode() {
        String code = newCode(owner, groupId);

        JsonPath listed = activeInvites();

        assertThat(listed.getList("", Map.class)).hasSize(1);
        assertThat(listed.prettify()).doesNotContain(code);
        assertThat(listed.getMap("[0]")).containsOnlyKeys("inviteId", "createdBy", "createdAt", "expiresAt");
    }

    @Test
    void aRevokedCodeIsRejected() {
        var created = invite(owner, groupId).statusCode(201).extract().jsonPath();
        revoke(created.getString("inviteId"));

        join(stranger, created.getString("code")).statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/invite-invalid"));
        assertThat(GroupFixture.memberCount(groupId)).isEqualTo(1);
    }

    @Test
    void aRevokedInviteIsNoLongerListed() {
        var created = invite(owner, groupId).statusCode(201).extract().jsonPath();

        revoke(created.getString("inviteId"));

        assertThat(activeInvites().getList("")).isEmpty();
    }

    @Test
    void revokingTwiceChangesNothingMore() {
        String inviteId = invite(owner, groupId).statusCode(201).extract().jsonPath().getString("inviteId");
        revoke(inviteId);

        revoke(inviteId);
    }

    @Test
    void revokingAnUnknownInviteIsNotFound() {
        owner.request().when().delete("/groups/{id}/invites/{inviteId}", groupId, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anExpiredCodeIsRejected() {
        var created = invite(owner, groupId).statusCode(201).extract().jsonPath();
        GroupFixture.execute("update group_invite set expires_at = now() - interval '1 second' where id = ?",
                UUID.fromString(created.getString("inviteId")));

        join(stranger, created.getString("code")).statusCode(404).body("type", endsWith("/invite-invalid"));
        assertThat(activeInvites().getList("")).isEmpty();
        assertThat(GroupFixture.memberCount(groupId)).isEqualTo(1);
    }

    @Test
    void unknownExpiredAndRevokedCodesGetTheSameAnswer() {
        var revoked = invite(owner, groupId).statusCode(201).extract().jsonPath();
        revoke(revoked.getString("inviteId"));
        var expired = invite(owner, groupId).statusCode(201).extract().jsonPath();
        GroupFixture.execute("update group_invite set expires_at = now() - interval '1 second' where id = ?",
                UUID.fromString(expired.getString("inviteId")));

        List<String> answers = List.of(InviteCodes.newCode(), revoked.getString("code"), expired.getString("code"))
                .stream()
                .map(code -> join(stranger, code).statusCode(404).extract().body().asString()
                        .replace("\"instance\":\"/groups/join\"", ""))
                .toList();

        assertThat(answers).containsOnly(answers.get(0));
    }

    @Test
    void activeInvitesAreLimitedPerGroup() {
        for (int i = 0; i < 20; i++) {
            invite(owner, groupId).statusCode(201);
        }

        invite(owner, groupId).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/invite-limit-reached"));
        assertThat(GroupFixture.queryLong("select count(*) from group_invite where group_id = ?",
                UUID.fromString(groupId))).isEqualTo(20);
    }

    @Test
    void aRevokedInviteFreesItsPlaceInTheLimit() {
        String first = null;
        for (int i = 0; i < 20; i++) {
            String id = invite(owner, groupId).statusCode(201).extract().jsonPath().getString("inviteId");
            first = first == null ? id : first;
        }

        revoke(first);

        invite(owner, groupId).statusCode(201);
    }
}
