package dev.moa.events.membership;

import dev.moa.events.EventJson;
import dev.moa.events.JsonContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GroupEventsContractTest {

    private static final UUID GROUP = UUID.fromString("5b0c2f4e-8d1a-4c3b-9e7f-2a6d1c0b9e11");
    private static final UUID MEMBER = UUID.fromString("0f6a3c2d-1e4b-4a5c-8d9e-7b6a5c4d3e22");
    private static final Instant AT = Instant.parse("2026-11-21T09:00:00.123456Z");

    @Test
    void pinsGroupCreated() {
        JsonContract.assertPinned(new GroupCreated(GROUP, "토요 등산 모임", MEMBER, AT), "group-created.json");
    }

    @Test
    void pinsGroupMemberJoined() {
        JsonContract.assertPinned(new GroupMemberJoined(GROUP, MEMBER, "MEMBER", AT), "group-member-joined.json");
    }

    @Test
    void pinsGroupMemberLeft() {
        JsonContract.assertPinned(new GroupMemberLeft(GROUP, MEMBER, GroupMemberLeft.REMOVED, AT),
                "group-member-left.json");
    }

    @Test
    void pinsGroupInviteSentWithoutACode() {
        JsonContract.assertPinned(new GroupInviteSent(GROUP, "토요 등산 모임", MEMBER, "김민지",
                UUID.fromString("3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e33"), UUID.fromString(
                        "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c44"), Instant.parse("2026-11-28T09:00:00.123456Z"), AT),
                "group-invite-sent.json");
        assertThat(new GroupInviteSent(GROUP, "n", MEMBER, "i", MEMBER, MEMBER, AT, AT).subject())
                .isEqualTo(GROUP.toString());
    }

    @Test
    void pinsGroupRoleChanged() {
        JsonContract.assertPinned(new GroupRoleChanged(GROUP, MEMBER, "TREASURER", AT), "group-role-changed.json");
    }

    @Test
    void everyGroupEventIsAboutItsGroup() {
        assertThat(new GroupCreated(GROUP, "g", MEMBER, AT).subject()).isEqualTo(GROUP.toString());
        assertThat(new GroupMemberJoined(GROUP, MEMBER, "OWNER", AT).subject()).isEqualTo(GROUP.toString());
        assertThat(new GroupMemberLeft(GROUP, MEMBER, GroupMemberLeft.LEFT, AT).subject()).isEqualTo(GROUP.toString());
        assertThat(new GroupRoleChanged(GROUP, MEMBER, "OWNER", AT).subject()).isEqualTo(GROUP.toString());
    }

    @Test
    void typesFollowTheMembershipNaming() {
        assertThat(new GroupCreated(GROUP, "g", MEMBER, AT).eventType()).isEqualTo("dev.moa.membership.GroupCreated");
        assertThat(new GroupMemberJoined(GROUP, MEMBER, "OWNER", AT).eventType())
                .isEqualTo("dev.moa.membership.GroupMemberJoined");
        assertThat(new GroupMemberLeft(GROUP, MEMBER, "LEFT", AT).eventType())
                .isEqualTo("dev.moa.membership.GroupMemberLeft");
        assertThat(new GroupRoleChanged(GROUP, MEMBER, "OWNER", AT).eventType())
                .isEqualTo("dev.moa.membership.GroupRoleChanged");
    }

    @Test
    void aRoleAddedLaterStillReads() throws Exception {
        GroupRoleChanged read = EventJson.mapper().readValue("{\"groupId\":\"" + GROUP + "\",\"memberId\":\"" + MEMBER
                + "\",\"role\":\"AUDITOR\",\"occurredAt\":\"2026-11-21T09:00:00Z\"}", GroupRoleChanged.class);
        assertThat(read.role()).isEqualTo("AUDITOR");
    }
}
