package dev.moa.notifications.unsubscribe;

import dev.moa.notifications.notice.Channel;
import dev.moa.notifications.preference.Preferences;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The target of the unsubscribe link in every switchable mail. The signed token is the only credential: it names one
 * member and one category. {@code GET} only shows a page with a button (mail scanners that follow links change
 * nothing); {@code POST} switches that category's e-mail off: the RFC 8058 one-click request
 * ({@code List-Unsubscribe=One-Click}) and the page's button both post here.
 */
@Path("/notifications/unsubscribe")
@Tag(name = "unsubscribe")
@PermitAll
public class UnsubscribeResource {

    private final UnsubscribeTokens tokens;
    private final Preferences preferences;
    private final Template confirm;
    private final Template done;

    public UnsubscribeResource(UnsubscribeTokens tokens, Preferences preferences,
                               @Location("unsubscribe/confirm.html") Template confirm,
                               @Location("unsubscribe/done.html") Template done) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.confirm = confirm;
        this.done = done;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page behind an unsubscribe link: asks to confirm, changes nothing")
    public String page(@QueryParam("token") String token) {
        UnsubscribeTokens.Claim claim = tokens.verify(token);
        return confirm.data("category", claim.category().name()).data("token", token).render();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One-click unsubscribe (RFC 8058): this category's e-mails off for the link's member")
    public Uni<String> unsubscribe(@QueryParam("token") String token) {
        UnsubscribeTokens.Claim claim = tokens.verify(token);
        return Panache.withTransaction(() -> preferences.set(claim.memberId(), claim.category(), Channel.EMAIL, false))
                .map(nothing -> done.data("category", claim.category().name()).render());
    }
}
