package dev.moa.membership.group;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GroupInviteRepository implements PanacheRepositoryBase<GroupInvite, UUID> {

    private static final String ACTIVE = "groupId = ?1 and revokedAt is null and expiresAt > ?2";

    /**
     * The active invite with this code hash, share-locked so that a concurrent revocation waits for the join that uses
     * it; {@code null} when the code is unknown, expired or revoked.
     */
    Uni<GroupInvite> findActiveForUse(String codeHash, Instant now) {
        return find("codeHash = ?1 and revokedAt is null and expiresAt > ?2", codeHash, now)
                .withLock(LockModeType.PESSIMISTIC_READ)
                .firstResult();
    }

    Uni<GroupInvite> findInGroup(UUID groupId, UUID inviteId) {
        return find("id = ?1 and groupId = ?2", inviteId, groupId).firstResult();
    }

    Uni<Long> countActive(UUID groupId, Instant now) {
        return count(ACTIVE, groupId, now);
    }

    Uni<List<GroupInvite>> listActive(UUID groupId, Instant now, int limit) {
        return find(ACTIVE, Sort.by("createdAt").and("id"), groupId, now).range(0, limit - 1).list();
    }
}
