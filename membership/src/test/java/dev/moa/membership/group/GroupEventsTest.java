package dev.moa.membership.group;

import dev.moa.membership.group.GroupFixture.Caller;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.moa.membership.group.GroupFixture.changeRole;
import static dev.moa.membership.group.GroupFixture.createGroup;
import static dev.moa.membership.group.GroupFixture.header;
import static dev.moa.membership.group.GroupFixture.invite;
import static dev.moa.membership.group.GroupFixture.join;
import static dev.moa.membership.group.GroupFixture.leave;
import static dev.moa.membership.group.GroupFixture.newGroup;
import static dev.moa.membership.group.GroupFixture.payload;
import static dev.moa.membership.group.GroupFixture.remove;
import static dev.moa.membership.group.GroupFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every change of a group reaches {@code membership.events} once, as a CloudEvent about the group, without secrets. */
@QuarkusTest
class GroupEventsTest {

    private static final String TYPE = "dev.moa.membership.";

    private final Caller owner = Caller.fresh();
    private final Caller alice = Caller.fresh();
    private final Caller bob = Caller.fresh();

    /** The group's events, once each (a redelivered event repeats its ce_id), after {@code count} have arrived. */
    private static List<ConsumerRecord<String, String>> distinctEvents(String groupId, int count) {
        List<ConsumerRecord<String, String>> records = GroupFixture.eventsOf(groupId,
                read -> read.stream().map(r -> header(r, "ce_id")).distinct().count() >= count);
        return List.copyOf(records.stream()
                .collect(Collectors.toMap(r -> header(r, "ce_id"), r -> r, (first, again) -> first,
                        java.util.LinkedHashMap::new))
                .values());
    }

    private static long outboxEvents(String groupId) {
        return GroupFixture.queryLong("select count(*) from moa_outbox where subject = ?", groupId);
    }

    @Test
    void creatingAGroupEmitsGroupCreatedAndTheOwnersJoin() {
        String groupId = createGroup(owner, "사진 모임", "").statusCode(201).extract().jsonPath().getString("id");

        List<ConsumerRecord<String, String>> events = distinctEvents(groupId, 2);

        assertThat(events).extracting(r -> header(r, "ce_type"))
                .containsExactly(TYPE + "GroupCreated", TYPE + "GroupMemberJoined");
        assertThat(events).allSatisfy(r -> assertThat(r.key()).isEqualTo(groupId));
        assertThat(payload(events.get(0)).get("name").asText()).isEqualTo("사진 모임");
        assertThat(payload(events.get(0)).get("ownerId").asText()).isEqualTo(owner.id().toString());
        assertThat(payload(events.get(1)).get("memberId").asText()).isEqualTo(owner.id().toString());
        assertThat(payload(events.get(1)).get("role").asText()).isEqualTo("OWNER");
        assertThat(outboxEvents(groupId)).isEqualTo(2);
    }

    @Test
    void everyChangeEmitsItsEventExactlyOnceAndNoInviteCode() {
        String groupId = newGroup(owner);
        String code = invite(owner, groupId).statusCode(201).extract().jsonPath().getString("code");
        join(alice, code).statusCode(200);
        join(bob, code).statusCode(200);
        changeRole(owner, groupId, alice.id(), "TREASURER").statusCode(200);
        changeRole(owner, groupId, alice.id(), "TREASURER").statusCode(200); // no change, no event
        remove(owner, groupId, bob.id()).statusCode(204);
        transfer(owner, groupId, alice.id()).statusCode(200);
        leave(owner, groupId).statusCode(204);

        List<ConsumerRecord<String, String>> events = distinctEvents(groupId, 9);

        assertThat(events).extracting(r -> header(r, "ce_type"), r -> payload(r).path("memberId").asText(),
                        r -> payload(r).path("role").asText(payload(r).path("reason").asText()))
                .containsExactly(
                        tuple(TYPE + "GroupCreated", "", ""),
                        tuple(TYPE + "GroupMemberJoined", owner.id().toString(), "OWNER"),
                        tuple(TYPE + "GroupMemberJoined", alice.id().toString(), "MEMBER"),
                        tuple(TYPE + "GroupMemberJoined", bob.id().toString(), "MEMBER"),
                        tuple(TYPE + "GroupRoleChanged", alice.id().toString(), "TREASURER"),
                        tuple(TYPE + "GroupMemberLeft", bob.id().toString(), "REMOVED"),
                        tuple(TYPE + "GroupRoleChanged", owner.id().toString(), "MEMBER"),
                        tuple(TYPE + "GroupRoleChanged", alice.id().toString(), "OWNER"),
                        tuple(TYPE + "GroupMemberLeft", owner.id().toString(), "LEFT"));
        assertThat(outboxEvents(groupId)).isEqualTo(9);
        assertThat(events).allSatisfy(r -> {
            assertThat(r.value()).doesNotContain(code).doesNotContain(InviteCodes.hash(code));
            assertThat(payload(r).path("groupId").asText()).isEqualTo(groupId);
            assertThat(payload(r).hasNonNull("occurredAt")).isTrue();
        });
        assertThat(GroupFixture.queryLong("select count(*) from moa_outbox where payload::text like ?",
                "%" + code + "%")).isZero();
    }

    @Test
    void aRefusedChangeEmitsNothing() {
        String groupId = newGroup(owner);

        leave(owner, groupId).statusCode(409);
        changeRole(owner, groupId, owner.id(), "MEMBER").statusCode(422);
        transfer(owner, groupId, alice.id()).statusCode(422);
        join(owner, invite(owner, groupId).statusCode(201).extract().jsonPath().getString("code")).statusCode(409);

        assertThat(outboxEvents(groupId)).isEqualTo(2);
    }

    @Test
    void eventsCarryTheCloudEventsAttributes() {
        String groupId = newGroup(owner);

        List<ConsumerRecord<String, String>> events = distinctEvents(groupId, 2);

        assertThat(events).allSatisfy(r -> {
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_id")).isNotBlank();
            assertThat(header(r, "ce_subject")).isEqualTo(groupId);
        });
        Map<String, Long> perType = events.stream()
                .collect(Collectors.groupingBy(r -> header(r, "ce_type"), Collectors.counting()));
        assertThat(perType).containsOnly(Map.entry(TYPE + "GroupCreated", 1L),
                Map.entry(TYPE + "GroupMemberJoined", 1L));
    }
}
