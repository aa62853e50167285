package dev.moa.payment.order;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Orders of won lots: the buyer's, one order (its buyer or its seller only), and the seller's sales. */
@Path("/")
@Tag(name = "orders")
public class OrderResource {

    private final CurrentMember member;

    public OrderResource(CurrentMember member) {
        this.member = member;
    }

    @GET
    @Path("orders/me")
    @RolesAllowed({Roles.MEMBER, Roles.SELLER})
    @WithSession
    @Operation(summary = "The orders of the lots you won, newest first")
    public Uni<List<OrderView>> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        return list("buyerId", member.id(), page, size);
    }

    @GET
    @Path("orders/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.SELLER})
    @WithSession
    @Operation(summary = "One order, for its buyer or its seller; anyone else gets 404")
    public Uni<OrderView> one(@PathParam("id") UUID id) {
        UUID me = member.id();
        return Order.<Order>findById(id)
                .map(order -> {
                    if (order == null || !me.equals(order.buyerId) && !me.equals(order.sellerId)) {
                        throw ProblemException.notFound("Order " + id);
                    }
                    return OrderView.of(order);
                });
    }

    @GET
    @Path("sales/me")
    @RolesAllowed(Roles.SELLER)
    @WithSession
    @Operation(summary = "The orders of the lots you sold, newest first")
    public Uni<List<OrderView>> sales(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        return list("sellerId", member.id(), page, size);
    }

    private static Uni<List<OrderView>> list(String party, UUID me, int page, int size) {
        return Order.<Order>find(party, Sort.descending("createdAt").and("id"), me)
                .page(Page.of(page, size)).list()
                .map(orders -> orders.stream().map(OrderView::of).toList());
    }
}
