package dev.moa.membership.group;

import dev.moa.membership.group.GroupFixture.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.membership.group.GroupFixture.changeRole;
import static dev.moa.membership.group.GroupFixture.createGroup;
import static dev.moa.membership.group.GroupFixture.detail;
import static dev.moa.membership.group.GroupFixture.join;
import static dev.moa.membership.group.GroupFixture.joined;
import static dev.moa.membership.group.GroupFixture.leave;
import static dev.moa.membership.group.GroupFixture.newCode;
import static dev.moa.membership.group.GroupFixture.newGroup;
import static dev.moa.membership.group.GroupFixture.remove;
import static dev.moa.membership.group.GroupFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class GroupFlowTest {

    private final Caller owner = Caller.fresh();
    private final Caller member = Caller.fresh();

    private static List<Map<String, Object>> members(Caller caller, String groupId) {
        return detail(caller, groupId).statusCode(200).extract().jsonPath().getList("members");
    }

    @Test
    void creatorOwnsTheNewGroup() {
        JsonPath created = createGroup(owner, "  토요 등산 모임  ", "매주 토요일 북한산")
                .statusCode(201)
                .extract().jsonPath();
        String id = created.getString("id");

        assertThat(created.getString("name")).isEqualTo("토요 등산 모임");
        assertThat(created.getString("description")).isEqualTo("매주 토요일 북한산");
        assertThat(created.getString("ownerId")).isEqualTo(owner.id().toString());
        assertThat(created.getList("members", Map.class))
                .extracting(m -> m.get("memberId"), m -> m.get("role"))
                .containsExactly(tuple(owner.id().toString(), "OWNER"));
        assertThat(GroupFixture.queryLong("select count(*) from member_group where id = ?", UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void locationNamesTheNewGroup() {
        var response = createGroup(owner, "Book club", "").statusCode(201).extract();
        assertThat(response.header("Location")).endsWith("/groups/" + response.jsonPath().getString("id"));
    }

    @Test
    void invitedMemberJoinsAsMember() {
        String groupId = newGroup(owner);

        JsonPath joinedGroup = join(member, newCode(owner, groupId)).statusCode(200).extract().jsonPath();

        assertThat(joinedGroup.getString("id")).isEqualTo(groupId);
        assertThat(joinedGroup.getList("members", Map.class))
                .extracting(m -> m.get("memberId"), m -> m.get("role"))
                .containsExactly(tuple(owner.id().toString(), "OWNER"), tuple(member.id().toString(), "MEMBER"));
        assertThat(members(member, groupId)).hasSize(2);
    }

    @Test
    void anInviteCodeServesSeveralMembers() {
        String groupId = newGroup(owner);
        String code = newCode(owner, groupId);

        join(member, code).statusCode(200);
        join(Caller.fresh(), code).statusCode(200);

        assertThat(members(owner, groupId)).hasSize(3);
    }

    @Test
    void joiningAGroupTwiceIsAConflict() {
        String groupId = newGroup(owner);
        String code = newCode(owner, groupId);
        join(member, code).statusCode(200);

        join(member, code).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/already-member"));
        assertThat(GroupFixture.memberCount(groupId)).isEqualTo(2);
    }

    @Test
    void theOwnerJoiningTheirOwnGroupIsAConflict() {
        String groupId = newGroup(owner);

        join(owner, newCode(owner, groupId)).statusCode(409);
    }

    @Test
    void listsOnlyTheCallersGroupsWithTheirRole() {
        String owned = newGroup(owner);
        String other = newGroup(member);
        joined(member, other, owner);
        newGroup(Caller.fresh());

        JsonPath mine = owner.request().when().get("/groups").then().statusCode(200).extract().jsonPath();

        assertThat(mine.getList("", Map.class))
                .extracting(g -> g.get("id"), g -> g.get("myRole"))
                .containsExactly(tuple(owned, "OWNER"), tuple(other, "MEMBER"));
    }

    @Test
    void aNewMemberHasNoGroups() {
        Caller nobody = Caller.fresh();

        assertThat(nobody.request().when().get("/groups").then().statusCode(200).extract().jsonPath()
                .getList("")).isEmpty();
    }

    @Test
    void ownerAppointsATreasurer() {
        String groupId = newGroup(owner);
        joined(owner, groupId, member);

        changeRole(owner, groupId, member.id(), "TREASURER").statusCode(200)
                .body("memberId", equalTo(member.id().toString()))
                .body("role", equalTo("TREASURER"));

        assertThat(members(member, groupId)).extracting(m -> m.get("role")).containsExactly("OWNER", "TREASURER");
    }

    @Test
    void ownerDismissesATreasurer() {
        String groupId = newGroup(owner);
        joined(owner, groupId, member);
        changeRole(owner, groupId, member.id(), "TREASURER").statusCode(200);

        changeRole(owner, groupId, member.id(), "MEMBER").statusCode(200);

        assertThat(members(member, groupId)).extracting(m -> m.get("role")).containsExactly("OWNER", "MEMBER");
    }

    @Test
    void ownerCannotChangeTheirOwnRole() {
        String groupId = newGroup(owner);

        changeRole(owner, groupId, owner.id(), "MEMBER").statusCode(422)
                .body("type", endsWith("/own-role"));
        assertThat(members(owner, groupId)).extracting(m -> m.get("role")).containsExactly("OWNER");
    }

    @Test
    void changingTheRoleOfSomeoneOutsideTheGroupIsNotFound() {
        String groupId = newGroup(owner);

        changeRole(owner, groupId, UUID.randomUUID(), "TREASURER").statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void ownershipTransferMakesTheFormerOwnerAMember() {
        String groupId = newGroup(owner);
        joined(owner, groupId, member);

        JsonPath after = transfer(owner, groupId, member.id()).statusCode(200).extract().jsonPath();

        assertThat(after.getString("ownerId")).isEqualTo(member.id().toString());
        assertThat(after.getList("members", Map.class))
                .extracting(m -> m.get("memberId"), m -> m.get("role"))
                .containsExactly(tuple(owner.id().toString(), "MEMBER"), tuple(member.id().toString(), "OWNER"));
    }

    @Test
    void theNewOwnerRulesAndTheFormerOwnerMayLeave() {
        String groupId = newGroup(owner);
        joined(owner, groupId, member);
        transfer(owner, groupId, member.id()).statusCode(200);

        changeRole(owner, groupId, member.id(), "MEMBER").statusCode(403);
        changeRole(member, groupId, owner.id(), "TREASURER").statusCode(200);
        leave(owner, groupId).statusCode(204);

        assertThat(members(member, groupId)).extracting(m -> m.get("memberId"))
                .containsExactly(member.id().toString());
    }

    @Test
    void ownershipCannotGoToSomeoneOutsideTheGroup() {
        String groupId = newGroup(owner);

        transfer(owner, groupId, UUID.randomUUID()).statusCode(422)
                .body("type", endsWith("/not-a-group-member"));
        assertThat(members(owner, groupId)).extracting(m -> m.get("role")).containsExactly("OWNER");
    }

    @Test
    void ownershipCannotGoToTheOwner() {
        String groupId = newGroup(owner);

        transfer(owner, groupId, owner.id()).statusCode(422);
    }

    @Test
    void aMemberLeaves() {
        String groupId = newGroup(owner);
        joined(owner, groupId, member);

        leave(member, groupId).statusCode(204);

        assertThat(members(owner, groupId)).extracting(m -> m.get("memberId"))
                .containsExactly(owner.id().toString());
        detail(member, groupId).statusCode(404);
    }

    @Test
    void ownerCannotLeaveWhileOwning() {
        String groupId = newGroup(owner);
        joined(owner, groupId, member);

        leave(owner, groupId).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/owner-cannot-leave"));
        assertThat(GroupFixture.memberCount(groupId)).isEqualTo(2);
    }

    @Test
    void ownerRemovesAMember() {
        String groupId = newGroup(owner);
        joined(owner, groupId, member);

        remove(owner, groupId, member.id()).statusCode(204);

        assertThat(members(owner, groupId)).hasSize(1);
        detail(member, groupId).statusCode(404);
    }

    @Test
    void ownerCannotRemoveThemself() {
        String groupId = newGroup(owner);

        remove(owner, groupId, owner.id()).statusCode(409);
        assertThat(GroupFixture.memberCount(groupId)).isEqualTo(1);
    }

    @Test
    void removingSomeoneOutsideTheGroupIsNotFound() {
        String groupId = newGroup(owner);

        remove(owner, groupId, UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRemovedMemberMayRejoinWithANewInvite() {
        String groupId = newGroup(owner);
        joined(owner, groupId, member);
        remove(owner, groupId, member.id()).statusCode(204);

        joined(owner, groupId, member);

        assertThat(members(member, groupId)).hasSize(2);
    }
}
