package dev.moa.membership.group;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MemberGroupRepository implements PanacheRepositoryBase<MemberGroup, UUID> {

    /** The group with its row locked until the transaction ends; {@code null} when there is none. */
    Uni<MemberGroup> lock(UUID groupId) {
        return findById(groupId, LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<List<MemberGroup>> listByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}
