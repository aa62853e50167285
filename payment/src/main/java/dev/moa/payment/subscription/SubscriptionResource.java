package dev.moa.payment.subscription;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.problem.Constraints;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A member's subscriptions: subscribe ({@code Idempotency-Key}), list, cancel at the end of term, pause, resume. */
@Path("/subscriptions")
@Tag(name = "subscriptions")
@RolesAllowed({Roles.MEMBER, Roles.SELLER})
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final IdempotentRequests idempotency;
    private final CurrentMember member;

    public SubscriptionResource(SubscriptionService subscriptions, IdempotentRequests idempotency,
                                CurrentMember member) {
        this.subscriptions = subscriptions;
        this.idempotency = idempotency;
        this.member = member;
    }

    public record Subscribe(@NotNull UUID planId) {
    }

    @POST
    @Operation(summary = "Subscribe to a plan: the first period is charged now, or when the trial ends")
    public Uni<Response> subscribe(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull Subscribe body) {
        UUID me = member.id();
        return idempotency.execute(me.toString(), key, "POST /subscriptions", body,
                        () -> subscriptions.subscribe(me, body.planId()).map(view -> Response
                                .created(URI.create("/subscriptions/" + view.id())).entity(view).build()))
                .onFailure(Constraints::isUniqueViolation).transform(e -> ProblemException.conflict(
                        "already-subscribed", "You already subscribe to this plan"));
    }

    @GET
    @Path("me")
    @WithSession
    @Operation(summary = "Your subscriptions, newest first")
    public Uni<List<SubscriptionView>> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        return Subscription.<Subscription>find("subscriberId", Sort.descending("createdAt").and("id"), member.id())
                .page(Page.of(page, size)).list().map(list -> list.stream().map(SubscriptionView::of).toList());
    }

    @GET
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "One of your subscriptions")
    public Uni<SubscriptionView> one(@PathParam("id") UUID id) {
        return subscriptions.own(member.id(), id).map(SubscriptionView::of);
    }

    @POST
    @Path("{id}/cancel")
    @WithTransaction
    @Operation(summary = "Cancel at the end of the paid term (nothing is charged after it)")
    public Uni<SubscriptionView> cancel(@PathParam("id") UUID id) {
        return subscriptions.cancel(member.id(), id);
    }

    @POST
    @Path("{id}/pause")
    @WithTransaction
    @Operation(summary = "Pause: no charge while paused")
    public Uni<SubscriptionView> pause(@PathParam("id") UUID id) {
        return subscriptions.pause(member.id(), id);
    }

    @POST
    @Path("{id}/resume")
    @WithTransaction
    @Operation(summary = "Resume a paused subscription")
    public Uni<SubscriptionView> resume(@PathParam("id") UUID id) {
        return subscriptions.resume(member.id(), id);
    }
}
