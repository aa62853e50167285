package dev.moa.membership.group;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.membership.GroupCreated;
import dev.moa.events.membership.GroupMemberJoined;
import dev.moa.membership.group.GroupRequests.NewGroup;
import dev.moa.membership.group.GroupViews.GroupDetail;
import dev.moa.membership.group.GroupViews.GroupSummary;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creating groups and reading them. */
@ApplicationScoped
public class GroupService {

    private final MemberGroupRepository groups;
    private final GroupMembershipRepository memberships;
    private final GroupAccess access;
    private final GroupLocks locks;
    private final GroupLimits limits;
    private final Outbox outbox;

    public GroupService(MemberGroupRepository groups, GroupMembershipRepository memberships, GroupAccess access,
                        GroupLocks locks, GroupLimits limits, Outbox outbox) {
        this.groups = groups;
        this.memberships = memberships;
        this.access = access;
        this.locks = locks;
        this.limits = limits;
        this.outbox = outbox;
    }

    /** Creates a group owned by {@code ownerId}, within the owner's groups-per-member limit. */
    @WithTransaction
    public Uni<GroupDetail> create(UUID ownerId, NewGroup request) {
        Instant now = GroupAccess.now();
        MemberGroup group = MemberGroup.create(request.name(), request.description(), ownerId, now);
        GroupMembership owner = GroupMembership.of(group.id, ownerId, GroupRole.OWNER, now);
        return locks.lockMember(ownerId)
                .chain(() -> memberships.countGroupsOf(ownerId))
                .invoke(count -> {
                    if (count >= limits.groupsPerMember()) {
                        throw GroupProblems.tooManyGroups(limits.groupsPerMember());
                    }
                })
                .chain(() -> groups.persist(group))
                .chain(() -> memberships.persist(owner))
                .chain(() -> outbox.append(Topics.MEMBERSHIP_EVENTS,
                        new GroupCreated(group.id, group.name, ownerId, now)))
                .chain(() -> outbox.append(Topics.MEMBERSHIP_EVENTS,
                        new GroupMemberJoined(group.id, ownerId, GroupRole.OWNER.name(), now)))
                .replaceWith(() -> GroupDetail.of(group, List.of(owner)));
    }

    /** The caller's groups, oldest membership first, at most the groups-per-member limit. */
    @WithSession
    public Uni<List<GroupSummary>> mine(UUID callerId) {
        return memberships.listOfMember(callerId, limits.groupsPerMember())
                .chain(mine -> groups.listByIds(mine.stream().map(m -> m.groupId).toList())
                        .map(found -> {
                            Map<UUID, MemberGroup> byId = found.stream()
                                    .collect(Collectors.toMap(g -> g.id, Function.identity()));
                            return mine.stream().map(m -> GroupSummary.of(byId.get(m.groupId), m)).toList();
                        }));
    }

    /** A group with its members, for a member of it. */
    @WithSession
    public Uni<GroupDetail> detail(UUID groupId, UUID callerId) {
        return access.membership(groupId, callerId)
                .chain(() -> detailOf(groupId));
    }

    /** The group and its members as they are now in this session. */
    Uni<GroupDetail> detailOf(UUID groupId) {
        return groups.findById(groupId)
                .onItem().ifNull().failWith(GroupProblems::groupNotFound)
                .chain(group -> memberships.listMembers(groupId).map(members -> GroupDetail.of(group, members)));
    }
}
