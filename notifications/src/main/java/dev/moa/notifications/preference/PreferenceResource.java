package dev.moa.notifications.preference;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Channel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The calling member's notification preferences, per category and channel. */
@Path("/notifications/preferences")
@Tag(name = "preferences")
@RolesAllowed(Roles.MEMBER)
public class PreferenceResource {

    /** One category's wanted channels. Both are required: a missing value is never read as "off". */
    public record Change(@NotNull Category category, @NotNull Boolean email, @NotNull Boolean inApp) {
    }

    public record Update(@NotNull @Size(min = 1, max = 32) List<@NotNull @Valid Change> preferences) {
    }

    public record View(List<Preferences.Setting> preferences) {
    }

    private final CurrentMember member;
    private final Preferences preferences;

    public PreferenceResource(CurrentMember member, Preferences preferences) {
        this.member = member;
        this.preferences = preferences;
    }

    @GET
    @Operation(summary = "Every category with its e-mail and in-app setting; mandatory ones are always on")
    public Uni<View> get() {
        UUID me = member.id();
        return Panache.withSession(() -> preferences.settings(me)).map(View::new);
    }

    @PUT
    @Operation(summary = "Set the listed categories (others keep their setting); all or nothing")
    public Uni<View> put(@Valid @NotNull Update update) {
        UUID me = member.id();
        Set<Category> seen = EnumSet.noneOf(Category.class);
        for (Change change : update.preferences()) {
            if (!seen.add(change.category())) {
                throw ProblemException.badRequest("preference-duplicate", change.category() + " is listed twice");
            }
            if (change.category().mandatory() && !(change.email() && change.inApp())) {
                throw Preferences.mandatory(change.category());
            }
        }
        return Panache.withTransaction(() -> apply(me, update.preferences()))
                .chain(() -> Panache.withSession(() -> preferences.settings(me)))
                .map(View::new);
    }

    private Uni<Void> apply(UUID me, List<Change> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Change change : changes) {
            if (change.category().mandatory()) {
                continue;
            }
            chain = chain
                    .chain(() -> preferences.set(me, change.category(), Channel.EMAIL, change.email()))
                    .chain(() -> preferences.set(me, change.category(), Channel.IN_APP, change.inApp()));
        }
        return chain;
    }
}
