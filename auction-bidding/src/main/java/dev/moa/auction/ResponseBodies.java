package dev.moa.auction;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The bodies this service's resources answer inside a {@code Response} (created and accepted answers, idempotent
 * replays), registered for reflection for a native image: Quarkus registers the types that appear in resource
 * signatures, not an entity handed to a {@code Response}, and Jackson reads a record's components by reflection
 * (unregistered in a native image, it writes {@code {}}). A new body returned that way belongs here.
 */
@RegisterForReflection(targets = {
        dev.moa.auction.bid.BidResult.class,
        dev.moa.auction.lot.LotView.class,
        dev.moa.auction.registration.RegistrationService.View.class
})
final class ResponseBodies {

    private ResponseBodies() {
    }
}
