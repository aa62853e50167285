package dev.moa.membership.group;

import dev.moa.membership.group.GroupFixture.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.membership.group.GroupFixture.changeRole;
import static dev.moa.membership.group.GroupFixture.detail;
import static dev.moa.membership.group.GroupFixture.invite;
import static dev.moa.membership.group.GroupFixture.joined;
import static dev.moa.membership.group.GroupFixture.leave;
import static dev.moa.membership.group.GroupFixture.newGroup;
import static dev.moa.membership.group.GroupFixture.remove;
import static dev.moa.membership.group.GroupFixture.snapshot;
import static dev.moa.membership.group.GroupFixture.transfer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Who may see and do what: members of A against group B, treasurers, plain members, callers without a token. */
@QuarkusTest
class GroupAccessTest {

    private final Caller ownerA = Caller.fresh();
    private final Caller ownerB = Caller.fresh();
    private final Caller memberB = Caller.fresh();
    private String groupA;
    private String groupB;

    @BeforeEach
    void twoGroups() {
        groupA = newGroup(ownerA);
        groupB = newGroup(ownerB);
    }

    private String inviteIdOfB() {
        return invite(ownerB, groupB).statusCode(201).extract().jsonPath().getString("inviteId");
    }

    @Test
    void anOutsiderCannotReadAGroup() {
        detail(ownerA, groupB).statusCode(404).contentType("application/problem+json")
                .body(not(containsString(ownerB.id().toString())));
    }

    @Test
    void anOutsiderGetsTheSameAnswerAsForAGroupThatDoesNotExist() {
        String hidden = detail(ownerA, groupB).statusCode(404).extract().jsonPath().getString("detail");
        String missing = detail(ownerA, UUID.randomUUID().toString()).statusCode(404).extract().jsonPath()
                .getString("detail");

        assertThat(hidden).isEqualTo(missing);
    }

    @Test
    void anOutsiderCannotInviteIntoAGroup() {
        List<Long> before = snapshot();

        invite(ownerA, groupB).statusCode(404);
        ownerA.request().when().get("/groups/{id}/invites", groupB).then().statusCode(404);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anOutsiderCannotRevokeAnInvite() {
        String inviteId = inviteIdOfB();
        List<Long> before = snapshot();

        ownerA.request().when().delete("/groups/{id}/invites/{inviteId}", groupB, inviteId).then().statusCode(404);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anInviteOfAnotherGroupCannotBeRevokedThroughOnesOwnGroup() {
        String inviteId = inviteIdOfB();
        List<Long> before = snapshot();

        ownerA.request().when().delete("/groups/{id}/invites/{inviteId}", groupA, inviteId).then().statusCode(404);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anOutsiderCannotChangeRolesRemoveOrTransfer() {
        joined(ownerB, groupB, memberB);
        List<Long> before = snapshot();

        changeRole(ownerA, groupB, memberB.id(), "TREASURER").statusCode(404);
        remove(ownerA, groupB, memberB.id()).statusCode(404);
        transfer(ownerA, groupB, ownerA.id()).statusCode(404);
        leave(ownerA, groupB).statusCode(404);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anOwnerOfAnotherGroupCannotRemoveAMemberThroughOnesOwnGroup() {
        joined(ownerB, groupB, memberB);

        remove(ownerA, groupA, memberB.id()).statusCode(404);

        assertThat(GroupFixture.memberCount(groupB)).isEqualTo(2);
    }

    @Test
    void aTreasurerCanInviteAndManageInvites() {
        joined(ownerB, groupB, memberB);
        changeRole(ownerB, groupB, memberB.id(), "TREASURER").statusCode(200);

        String inviteId = invite(memberB, groupB).statusCode(201).extract().jsonPath().getString("inviteId");
        memberB.request().when().get("/groups/{id}/invites", groupB).then().statusCode(200);
        memberB.request().when().delete("/groups/{id}/invites/{inviteId}", groupB, inviteId).then().statusCode(204);
    }

    @Test
    void aTreasurerCannotRemoveMembers() {
        Caller other = Caller.fresh();
        joined(ownerB, groupB, memberB);
        joined(ownerB, groupB, other);
        changeRole(ownerB, groupB, memberB.id(), "TREASURER").statusCode(200);

        remove(memberB, groupB, other.id()).statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/group-role-required"));

        assertThat(GroupFixture.memberCount(groupB)).isEqualTo(3);
    }

    @Test
    void aTreasurerCannotChangeRolesOrTransferOwnership() {
        Caller other = Caller.fresh();
        joined(ownerB, groupB, memberB);
        joined(ownerB, groupB, other);
        changeRole(ownerB, groupB, memberB.id(), "TREASURER").statusCode(200);
        List<Long> before = snapshot();

        changeRole(memberB, groupB, other.id(), "TREASURER").statusCode(403);
        transfer(memberB, groupB, memberB.id()).statusCode(403);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPlainMemberCannotInviteNorSeeInvites() {
        joined(ownerB, groupB, memberB);
        String inviteId = inviteIdOfB();
        List<Long> before = snapshot();

        invite(memberB, groupB).statusCode(403).contentType("application/problem+json");
        memberB.request().when().get("/groups/{id}/invites", groupB).then().statusCode(403);
        memberB.request().when().delete("/groups/{id}/invites/{inviteId}", groupB, inviteId).then().statusCode(403);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPlainMemberCannotRemoveOthers() {
        Caller other = Caller.fresh();
        joined(ownerB, groupB, memberB);
        joined(ownerB, groupB, other);

        remove(memberB, groupB, other.id()).statusCode(403);
        remove(memberB, groupB, ownerB.id()).statusCode(403);

        assertThat(GroupFixture.memberCount(groupB)).isEqualTo(3);
    }

    @Test
    void aMemberOfTheGroupSeesItsMembers() {
        joined(ownerB, groupB, memberB);

        detail(memberB, groupB).statusCode(200).body("members.size()", equalTo(2));
    }

    @Test
    void everyGroupEndpointNeedsAToken() {
        List<Long> before = snapshot();
        List<Map.Entry<String, String>> endpoints = List.of(
                Map.entry("POST", "/groups"), Map.entry("GET", "/groups"), Map.entry("GET", "/groups/" + groupB),
                Map.entry("POST", "/groups/" + groupB + "/invites"), Map.entry("GET", "/groups/" + groupB + "/invites"),
                Map.entry("DELETE", "/groups/" + groupB + "/invites/" + UUID.randomUUID()),
                Map.entry("POST", "/groups/join"),
                Map.entry("PUT", "/groups/" + groupB + "/members/" + ownerA.id() + "/role"),
                Map.entry("PUT", "/groups/" + groupB + "/owner"),
                Map.entry("DELETE", "/groups/" + groupB + "/members/me"),
                Map.entry("DELETE", "/groups/" + groupB + "/members/" + ownerB.id()));

        for (Map.Entry<String, String> endpoint : endpoints) {
            given().contentType(ContentType.JSON).body("{}")
                    .when().request(endpoint.getKey(), endpoint.getValue())
                    .then().statusCode(401).contentType("application/problem+json");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTokenWithoutTheMemberRoleIsForbidden() {
        String serviceToken = dev.moa.devstack.DevStackResource.stack().tokenKeys()
                .mint(UUID.randomUUID().toString(), "SERVICE");

        given().auth().oauth2(serviceToken).when().get("/groups").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
