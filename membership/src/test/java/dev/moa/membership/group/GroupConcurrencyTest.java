package dev.moa.membership.group;

import dev.moa.membership.group.GroupFixture.Caller;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static dev.moa.membership.group.GroupFixture.concurrently;
import static dev.moa.membership.group.GroupFixture.joined;
import static dev.moa.membership.group.GroupFixture.leave;
import static dev.moa.membership.group.GroupFixture.newGroup;
import static dev.moa.membership.group.GroupFixture.queryLong;
import static dev.moa.membership.group.GroupFixture.remove;
import static dev.moa.membership.group.GroupFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of a group that concurrent changes must keep: one owner, one event per change. */
@QuarkusTest
class GroupConcurrencyTest {

    private final Caller owner = Caller.fresh();

    private static long owners(String groupId) {
        return queryLong("select count(*) from group_membership where group_id = ? and role = 'OWNER'",
                UUID.fromString(groupId));
    }

    private static long events(String groupId, String type) {
        return queryLong("select count(*) from moa_outbox where subject = ? and event_type = ?", groupId,
                "dev.moa.membership." + type);
    }

    @Test
    void concurrentOwnershipTransfersLeaveExactlyOneOwner() throws Exception {
        String groupId = newGroup(owner);
        List<Callable<Integer>> transfers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Caller candidate = Caller.fresh();
            joined(owner, groupId, candidate);
            transfers.add(() -> transfer(owner, groupId, candidate.id()).extract().statusCode());
        }

        List<Integer> statuses = concurrently(transfers);

        assertThat(statuses).containsOnly(200, 403);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(owners(groupId)).isEqualTo(1);
        assertThat(queryLong("select count(*) from member_group g join group_membership m on m.group_id = g.id "
                + "and m.member_id = g.owner_id and m.role = 'OWNER' where g.id = ?", UUID.fromString(groupId)))
                .isEqualTo(1);
        assertThat(events(groupId, "GroupRoleChanged")).isEqualTo(2);
    }

    @Test
    void aMemberLeavingWhileBeingRemovedIsGoneOnceWithOneEvent() throws Exception {
        String groupId = newGroup(owner);
        List<Callable<Integer>> endings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Caller member = Caller.fresh();
            joined(owner, groupId, member);
            endings.add(() -> leave(member, groupId).extract().statusCode());
            endings.add(() -> remove(owner, groupId, member.id()).extract().statusCode());
        }

        List<Integer> statuses = concurrently(endings);

        assertThat(statuses).containsOnly(204, 404);
        assertThat(statuses).filteredOn(s -> s == 204).hasSize(6);
        assertThat(GroupFixture.memberCount(groupId)).isEqualTo(1);
        assertThat(events(groupId, "GroupMemberLeft")).isEqualTo(6);
    }

    @Test
    void aTransferRacingTheNewOwnersLeaveNeverLeavesTheGroupOwnerless() throws Exception {
        for (int round = 0; round < 5; round++) {
            String groupId = newGroup(owner);
            Caller heir = Caller.fresh();
            joined(owner, groupId, heir);

            List<Integer> statuses = concurrently(List.of(
                    () -> transfer(owner, groupId, heir.id()).extract().statusCode(),
                    () -> leave(heir, groupId).extract().statusCode()));

            assertThat(statuses).doesNotContain(500);
            assertThat(owners(groupId)).isEqualTo(1);
            assertThat(GroupFixture.memberCount(groupId)).isBetween(1L, 2L);
        }
    }
}
