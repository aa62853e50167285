package dev.moa.membership.group;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** The limits on groups ({@code moa.membership.groups.*}), enforced under concurrency by {@link GroupLocks}. */
@ConfigMapping(prefix = "moa.membership.groups")
public interface GroupLimits {

    /** How many groups one member may be in, owned or joined. Also bounds {@code GET /groups}. */
    @WithDefault("20")
    @Min(1)
    @Max(1000)
    int groupsPerMember();

    /** How many members one group may have, its owner included. */
    @WithDefault("100")
    @Min(1)
    @Max(10_000)
    int membersPerGroup();

    /** How many unexpired, unrevoked invites one group may have at once. */
    @WithDefault("20")
    @Min(1)
    @Max(1000)
    int activeInvitesPerGroup();

    /** How long an invite code can be used. */
    @WithDefault("7d")
    Duration inviteLifetime();
}
