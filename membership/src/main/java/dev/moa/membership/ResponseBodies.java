package dev.moa.membership;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The bodies this service's resources answer inside a {@code Response} (created and accepted answers, idempotent
 * replays), registered for reflection for a native image: Quarkus registers the types that appear in resource
 * signatures, not an entity handed to a {@code Response}, and Jackson reads a record's components by reflection
 * (unregistered in a native image, it writes {@code {}}). A new body returned that way belongs here.
 */
@RegisterForReflection(targets = {
        dev.moa.membership.member.MemberView.class,
        dev.moa.membership.seller.SellerApplicationView.class,
        dev.moa.membership.auth.TokenPair.class,
        dev.moa.membership.group.GroupViews.GroupDetail.class,
        dev.moa.membership.group.GroupViews.CreatedInvite.class
})
final class ResponseBodies {

    private ResponseBodies() {
    }
}
