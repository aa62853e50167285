package dev.moa.membership.member;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A member as the API shows it: never the password or its hash. */
public record MemberView(UUID id, String email, String name, Region region, String phone, String locale,
                         Set<String> roles, Instant createdAt, Instant updatedAt) {

    public static MemberView of(Member member) {
        return new MemberView(member.id, member.email, member.name, member.region, member.phone, member.locale,
                member.roles(), member.createdAt, member.updatedAt);
    }
}
