package dev.moa.membership.group;

import dev.moa.membership.Api;
import dev.moa.membership.group.GroupFixture.Caller;
import dev.moa.devstack.DevStackResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.moa.membership.group.GroupFixture.header;
import static dev.moa.membership.group.GroupFixture.newGroup;
import static dev.moa.membership.group.GroupFixture.payload;
import static dev.moa.membership.group.GroupFixture.queryLong;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Personal invitations: invite a member by the e-mail of their account, GroupInviteSent once (never a code or the
 * address), the same answer for any address, acceptance by the invitee only.
 */
@QuarkusTest
class GroupInvitationTest {

    private static final String SENT = "dev.moa.membership.GroupInviteSent";

    /** A signed-up member (so that an address is theirs) with a token. */
    private record Person(Caller caller, String email) {

        static Person signUp() {
            String email = Api.uniqueEmail();
            UUID id = UUID.fromString(Api.newMember(email));
            return new Person(new Caller(id, DevStackResource.stack().tokenKeys().mint(id.toString(), "MEMBER")),
                    email);
        }

        UUID id() {
            return caller.id();
        }
    }

    private static io.restassured.response.ValidatableResponse invite(Caller by, String groupId, Object body) {
        return by.request().body(body).when().post("/groups/{id}/invitations", groupId).then();
    }

    private static io.restassured.response.ValidatableResponse accept(Caller by, String groupId, String invitationId) {
        return by.request().when().post("/groups/{id}/invitations/{inv}/accept", groupId, invitationId).then();
    }

    /** The group's GroupInviteSent events on Kafka, once {@code expected} have arrived. */
    private static List<ConsumerRecord<String, String>> sent(String groupId, int expected) {
        return GroupFixture.eventsOf(groupId, read -> read.stream()
                        .filter(r -> SENT.equals(header(r, "ce_type"))).count() >= expected).stream()
                .filter(r -> SENT.equals(header(r, "ce_type"))).toList();
    }

    private static long sentInOutbox(String groupId) {
        return queryLong("select count(*) from moa_outbox where subject = ? and event_type = ?", groupId, SENT);
    }

    /** Invites {@code invitee} and answers the invitation's id, as the invitee learns it (from the event). */
    private static String invited(Person owner, String groupId, Person invitee) {
        invite(owner.caller(), groupId, Map.of("email", invitee.email())).statusCode(202);
        return payload(sent(groupId, 1).get(0)).get("inviteId").asText();
    }

    @Test
    void invitingAMemberByEmailEmitsGroupInviteSentOnceWithoutCodeOrAddress() {
        Person owner = Person.signUp();
        Person invitee = Person.signUp();
        String groupId = newGroup(owner.caller());

        var answer = invite(owner.caller(), groupId, Map.of("email", invitee.email().toUpperCase(Locale.ROOT)))
                .statusCode(202).extract().jsonPath();
        String expiresAt = answer.getString("expiresAt");

        List<ConsumerRecord<String, String>> events = sent(groupId, 1);
        assertThat(events).hasSize(1);
        assertThat(payload(events.get(0)).get("inviteId").asText()).isEqualTo(answer.getString("invitationId"));
        assertThat(sentInOutbox(groupId)).isOne();
        var event = payload(events.get(0));
        assertThat(event.get("inviteeId").asText()).isEqualTo(invitee.id().toString());
        assertThat(event.get("inviterId").asText()).isEqualTo(owner.id().toString());
        assertThat(event.get("inviterName").asText()).isEqualTo("Minji Kim");
        assertThat(event.get("groupName").asText()).startsWith("모임 ");
        assertThat(Instant.parse(event.get("expiresAt").asText())).isEqualTo(Instant.parse(expiresAt));
        assertThat(queryLong("select count(*) from group_invitation where id = ? and invitee_id = ?",
                UUID.fromString(event.get("inviteId").asText()), invitee.id())).isOne();
        assertThat(events.get(0).value()).doesNotContain("code").doesNotContainIgnoringCase(invitee.email());
    }

    @Test
    void anAddressThatIsNobodysGetsTheSameAnswerAndNoEvent() {
        Person owner = Person.signUp();
        String groupId = newGroup(owner.caller());

        var answer = invite(owner.caller(), groupId, Map.of("email", Api.uniqueEmail())).statusCode(202)
                .contentType(ContentType.JSON).extract().jsonPath();

        assertThat(answer.getMap("").keySet()).containsExactlyInAnyOrder("invitationId", "expiresAt");
        assertThat(queryLong("select count(*) from group_invitation where group_id = ? and invitee_id is null",
                UUID.fromString(groupId))).isOne();
        assertThat(sentInOutbox(groupId)).isZero();
    }

    @Test
    void someoneAlreadyInTheGroupIsNotInvitedButAnsweredAlike() {
        Person owner = Person.signUp();
        Person member = Person.signUp();
        String groupId = newGroup(owner.caller());
        GroupFixture.joined(owner.caller(), groupId, member.caller());

        invite(owner.caller(), groupId, Map.of("email", member.email())).statusCode(202);
        invite(owner.caller(), groupId, Map.of("email", owner.email())).statusCode(202);

        assertThat(sentInOutbox(groupId)).isZero();
    }

    @Test
    void theInviteeAcceptsAndJoinsWithoutACode() {
        Person owner = Person.signUp();
        Person invitee = Person.signUp();
        String groupId = newGroup(owner.caller());
        String invitationId = invited(owner, groupId, invitee);

        accept(invitee.caller(), groupId, invitationId).statusCode(200)
                .body("members.memberId", hasItem(invitee.id().toString()));

        assertThat(GroupFixture.memberCount(groupId)).isEqualTo(2);
        accept(invitee.caller(), groupId, invitationId).statusCode(410)
                .contentType("application/problem+json");
    }

    @Test
    void anotherMemberAcceptingSomeoneElsesInvitationGets404AndNothingChanges() {
        Person owner = Person.signUp();
        Person invitee = Person.signUp();
        Caller intruder = Caller.fresh();
        String groupId = newGroup(owner.caller());
        String invitationId = invited(owner, groupId, invitee);

        accept(intruder, groupId, invitationId).statusCode(404).contentType("application/problem+json");

        assertThat(GroupFixture.memberCount(groupId)).isOne();
        accept(invitee.caller(), groupId, invitationId).statusCode(200);
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        Person owner = Person.signUp();
        Person invitee = Person.signUp();
        String groupId = newGroup(owner.caller());
        String invitationId = invited(owner, groupId, invitee);

        owner.caller().request().when().delete("/groups/{id}/invitations/{inv}", groupId, invitationId)
                .then().statusCode(204);

        accept(invitee.caller(), groupId, invitationId).statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/invitation-closed"));
        assertThat(GroupFixture.memberCount(groupId)).isOne();
    }

    @Test
    void anInvitationToNobodyCanBeRevokedButNotAccepted() {
        Person owner = Person.signUp();
        Caller anyone = Caller.fresh();
        String groupId = newGroup(owner.caller());
        String invitationId = invite(owner.caller(), groupId, Map.of("email", Api.uniqueEmail())).statusCode(202)
                .extract().path("invitationId");

        accept(anyone, groupId, invitationId).statusCode(404).contentType("application/problem+json");
        owner.caller().request().when().delete("/groups/{id}/invitations/{inv}", groupId, invitationId)
                .then().statusCode(204);

        assertThat(queryLong("select count(*) from group_invitation where id = ? and revoked_at is not null",
                UUID.fromString(invitationId))).isOne();
    }

    @Test
    void anExpiredInvitationCannotBeAccepted() {
        Person owner = Person.signUp();
        Person invitee = Person.signUp();
        String groupId = newGroup(owner.caller());
        String invitationId = invited(owner, groupId, invitee);
        GroupFixture.execute("update group_invitation set expires_at = now() - interval '1 second' where id = ?",
                UUID.fromString(invitationId));

        accept(invitee.caller(), groupId, invitationId).statusCode(410).contentType("application/problem+json");

        assertThat(GroupFixture.memberCount(groupId)).isOne();
    }

    @Test
    void aPlainMemberCannotInvite() {
        Person owner = Person.signUp();
        Person member = Person.signUp();
        String groupId = newGroup(owner.caller());
        GroupFixture.joined(owner.caller(), groupId, member.caller());

        invite(member.caller(), groupId, Map.of("email", Api.uniqueEmail())).statusCode(403)
                .contentType("application/problem+json");

        assertThat(queryLong("select count(*) from group_invitation where group_id = ?", UUID.fromString(groupId)))
                .isZero();
    }

    @Test
    void malformedJsonIsA400ProblemAndStoresNothing() {
        Person owner = Person.signUp();
        String groupId = newGroup(owner.caller());

        given().auth().oauth2(owner.caller().token()).contentType(ContentType.JSON).body("{\"email\": ")
                .when().post("/groups/{id}/invitations", groupId)
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(queryLong("select count(*) from group_invitation where group_id = ?", UUID.fromString(groupId)))
                .isZero();
    }

    @Test
    void anInvalidAddressIsA400ProblemAndStoresNothing() {
        Person owner = Person.signUp();
        String groupId = newGroup(owner.caller());

        for (Object email : List.of("not-an-address", "a b@example.com", "", 42, "x".repeat(250) + "@example.com")) {
            invite(owner.caller(), groupId, Map.of("email", email)).statusCode(400)
                    .contentType("application/problem+json").body("status", not(equalTo(500)));
        }

        assertThat(queryLong("select count(*) from group_invitation where group_id = ?", UUID.fromString(groupId)))
                .isZero();
    }
}
