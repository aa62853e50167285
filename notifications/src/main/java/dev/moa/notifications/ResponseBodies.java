package dev.moa.notifications;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The bodies this service's resources answer inside a {@code Response} (created and accepted answers, idempotent
 * replays, the notifications of the live stream written as SSE data), registered for reflection for a native image: Quarkus registers the types that appear in resource
 * signatures, not an entity handed to a {@code Response}, and Jackson reads a record's components by reflection
 * (unregistered in a native image, it writes {@code {}}). A new body returned that way belongs here.
 */
@RegisterForReflection(targets = {
        dev.moa.notifications.feed.NotificationView.class
})
final class ResponseBodies {

    private ResponseBodies() {
    }
}
