package dev.moa.payment.plan;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.problem.Text;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.payment.PlanPriceChanged;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sellers' plans: a SELLER publishes and changes their own; any member lists and reads them. A new price applies from
 * each subscriber's next period (a period is charged when it starts) and is announced by PlanPriceChanged.
 */
@Path("/plans")
@Tag(name = "plans")
public class PlanResource {

    public static final long MAX_PRICE = 100_000_000;

    private final CurrentMember member;
    private final Outbox outbox;
    private final Clock clock;

    public PlanResource(CurrentMember member, Outbox outbox, Clock clock) {
        this.member = member;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewPlan(@NotBlank @Size(max = 100) @Pattern(regexp = Text.PRINTABLE) String name,
                          @Size(max = 1000) @Pattern(regexp = Text.PRINTABLE) String description,
                          @Min(1) @Max(MAX_PRICE) long price,
                          @NotNull PlanPeriod period,
                          @Min(0) @Max(90) int trialDays) {
    }

    public record PlanChange(@Size(min = 1, max = 100) @Pattern(regexp = Text.PRINTABLE) String name,
                             @Size(max = 1000) @Pattern(regexp = Text.PRINTABLE) String description,
                             @Min(1) @Max(MAX_PRICE) Long price) {
    }

    public record PlanView(UUID id, UUID sellerId, String name, String description, long price, PlanPeriod period,
                           int trialDays, Instant createdAt, Instant updatedAt) {

        static PlanView of(Plan plan) {
            return new PlanView(plan.id, plan.sellerId, plan.name, plan.description, plan.price, plan.period,
                    plan.trialDays, plan.createdAt, plan.updatedAt);
        }
    }

    @POST
    @RolesAllowed(Roles.SELLER)
    @WithTransaction
    @Operation(summary = "Publish a plan (sellers)")
    public Uni<Response> publish(@Valid @NotNull NewPlan body) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.sellerId = member.id();
        plan.name = body.name().strip();
        plan.description = body.description();
        plan.price = body.price();
        plan.period = body.period();
        plan.trialDays = body.trialDays();
        plan.createdAt = Instant.now(clock);
        plan.updatedAt = plan.createdAt;
        return plan.persist().map(saved -> Response.created(URI.create("/plans/" + plan.id))
                .entity(PlanView.of(plan)).build());
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.SELLER})
    @WithSession
    @Operation(summary = "Plans, newest first; of one seller with sellerId")
    public Uni<List<PlanView>> list(@QueryParam("sellerId") UUID sellerId,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        Sort newest = Sort.descending("createdAt").and("id");
        var query = sellerId == null ? Plan.<Plan>findAll(newest) : Plan.<Plan>find("sellerId", newest, sellerId);
        return query.page(Page.of(page, size)).list().map(plans -> plans.stream().map(PlanView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MEMBER, Roles.SELLER})
    @WithSession
    @Operation(summary = "One plan")
    public Uni<PlanView> one(@PathParam("id") UUID id) {
        return Plan.<Plan>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Plan " + id))
                .map(PlanView::of);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.SELLER)
    @WithTransaction
    @Operation(summary = "Change your plan; a new price applies from each subscriber's next period")
    public Uni<PlanView> change(@PathParam("id") UUID id, @Valid @NotNull PlanChange change) {
        if (change.name() == null && change.description() == null && change.price() == null) {
            throw ProblemException.badRequest("nothing-to-change", "Give a name, a description or a price");
        }
        UUID me = member.id();
        return Plan.<Plan>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Plan " + id))
                .invoke(plan -> {
                    if (!plan.sellerId.equals(me)) {
                        throw ProblemException.notFound("Plan " + id);
                    }
                })
                .call(plan -> apply(plan, change))
                .map(PlanView::of);
    }

    private Uni<?> apply(Plan plan, PlanChange change) {
        Instant now = Instant.now(clock);
        long oldPrice = plan.price;
        if (change.name() != null) {
            plan.name = change.name().strip();
        }
        if (change.description() != null) {
            plan.description = change.description();
        }
        plan.updatedAt = now;
        if (change.price() == null || change.price() == oldPrice) {
            return Uni.createFrom().voidItem();
        }
        plan.price = change.price();
        return outbox.append(Topics.PAYMENT_EVENTS, new PlanPriceChanged(plan.id, plan.sellerId, oldPrice,
                plan.price, now));
    }
}
