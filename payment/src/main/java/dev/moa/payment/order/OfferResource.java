package dev.moa.payment.order;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Second-chance offers for the runner-up: list yours, accept one within 24 hours (with {@code Idempotency-Key}). An
 * accepted offer becomes an order (kind SECOND_CHANCE) paid from the wallet like a won lot; its outcome is the order's.
 */
@Path("/offers")
@Tag(name = "orders")
@RolesAllowed({Roles.MEMBER, Roles.SELLER})
public class OfferResource {

    private final OrderService orders;
    private final IdempotentRequests idempotency;
    private final CurrentMember member;
    private final Clock clock;

    public OfferResource(OrderService orders, IdempotentRequests idempotency, CurrentMember member, Clock clock) {
        this.orders = orders;
        this.idempotency = idempotency;
        this.member = member;
        this.clock = clock;
    }

    public record OfferView(UUID id, UUID lotId, UUID sellerId, long price, String status, Instant expiresAt,
                            UUID orderId) {

        static OfferView of(SecondChanceOffer offer, Instant now) {
            return new OfferView(offer.id, offer.lotId, offer.sellerId, offer.price, offer.statusAt(now),
                    offer.expiresAt, offer.orderId);
        }
    }

    @GET
    @Path("me")
    @WithSession
    @Operation(summary = "Second-chance offers made to you, newest first")
    public Uni<List<OfferView>> mine() {
        Instant now = Instant.now(clock);
        return SecondChanceOffer.<SecondChanceOffer>find("bidderId", Sort.descending("createdAt").and("id"),
                member.id()).range(0, 99).list().map(list -> list.stream().map(o -> OfferView.of(o, now)).toList());
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "Accept a second-chance offer: the lot is yours at its price plus the buyer's premium")
    public Uni<Response> accept(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") UUID id) {
        UUID me = member.id();
        return idempotency.execute(me.toString(), key, "POST /offers/" + id + "/accept", id.toString(),
                () -> accept(me, id).map(view -> Response.accepted(view)
                        .location(URI.create("/orders/" + view.orderId())).build()));
    }

    private Uni<OfferView> accept(UUID me, UUID id) {
        Instant now = Instant.now(clock);
        return SecondChanceOffer.<SecondChanceOffer>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(offer -> {
            if (offer == null || !offer.bidderId.equals(me)) {
                throw ProblemException.notFound("Offer " + id);
            }
            if ("ACCEPTED".equals(offer.status)) {
                return Uni.createFrom().item(OfferView.of(offer, now));
            }
            if ("EXPIRED".equals(offer.statusAt(now))) {
                throw ProblemException.conflict("offer-expired", "The offer could be accepted until "
                        + offer.expiresAt);
            }
            Order order = orders.secondChanceOrder(offer, now);
            // The offer names its order only once the order row exists (the offer is flushed at commit).
            return orders.place(order, OrderService.walletPayment(order)).map(placed -> {
                offer.status = "ACCEPTED";
                offer.orderId = order.id;
                offer.updatedAt = now;
                return OfferView.of(offer, now);
            });
        });
    }
}
