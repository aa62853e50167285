package dev.moa.membership.group;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Transaction-scoped locks that keep the limits true under concurrency.
 * <ul>
 *   <li>per member: a PostgreSQL advisory lock, taken before a member gains a group (create, join), so that
 *       concurrent requests of one member cannot pass the groups-per-member count together. There is no members row
 *       to lock here (member ids come from tokens), hence an advisory lock; a hash collision only serializes two
 *       members needlessly;</li>
 *   <li>per group: the group's row ({@link MemberGroupRepository#lock}), taken by every membership change.</li>
 * </ul>
 * Order, to stay free of deadlocks: invite row (share) → member → group. Nothing takes them in another order.
 */
@ApplicationScoped
public class GroupLocks {

    /** A namespace mixed into the key so that other advisory locks of this database do not meet these. */
    private static final long MEMBER_NAMESPACE = 0x6d6f612d67726f75L;

    private static final String LOCK = "select count(*) from pg_advisory_xact_lock(?1)";

    Uni<Void> lockMember(UUID memberId) {
        long key = memberId.getMostSignificantBits() ^ Long.rotateLeft(memberId.getLeastSignificantBits(), 1)
                ^ MEMBER_NAMESPACE;
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK, Long.class)
                        .setParameter(1, key)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
