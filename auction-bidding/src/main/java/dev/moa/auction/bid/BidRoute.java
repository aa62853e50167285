package dev.moa.auction.bid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.problem.RouteProblems;
import dev.moa.chassis.route.JsonPostRoutes;
import dev.moa.chassis.security.Roles;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /lots/{id}/bids} as a plain Vert.x route ({@link JsonPostRoutes}): the hottest endpoint there is
 * (thousands of bidders on one lot). On the hot-lot benchmark the route decided about 10 % more bids per second than
 * the same work as a REST resource method. {@code GET} on the same path (the history) stays in {@link BidResource}.
 * The operation is described in {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class BidRoute {

    /** A bid is {"amount": n} or {"maxAmount": n}; anything near this size is not a bid. */
    static final int MAX_BODY = 4096;

    private final BidService bids;
    private final JsonPostRoutes routes;
    private final RouteProblems problems;
    private final ObjectWriter writer;

    public BidRoute(BidService bids, JsonPostRoutes routes, RouteProblems problems, ObjectMapper mapper) {
        this.bids = bids;
        this.routes = routes;
        this.problems = problems;
        this.writer = mapper.writerFor(BidResult.class);
    }

    void install(@Observes Router router) {
        routes.post(router, "/lots/:id/bids", BidRequest.class, MAX_BODY, Set.of(Roles.MEMBER, Roles.SELLER,
                Roles.ADMIN), this::bid);
    }

    private void bid(RoutingContext context, UUID bidder, BidRequest request) {
        UUID lotId = lotId(context.pathParam("id"));
        bids.bid(lotId, bidder, context.request().getHeader(IdempotentRequests.HEADER), request).onComplete(decided -> {
            if (decided.failed()) {
                problems.fail(context, decided.cause());
                return;
            }
            byte[] body;
            try {
                body = writer.writeValueAsBytes(decided.result().result());
            } catch (JsonProcessingException e) {
                problems.fail(context, new IllegalStateException("the bid's answer did not serialize", e));
                return;
            }
            String location = JsonPostRoutes.base(context) + "/lots/" + lotId;
            routes.answer(context, 201, Buffer.buffer(body), decided.result().replayed()
                    ? Map.of(HttpHeaders.LOCATION.toString(), location, IdempotentRequests.REPLAYED_HEADER, "true")
                    : Map.of(HttpHeaders.LOCATION.toString(), location));
        });
    }

    private static UUID lotId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.badRequest("validation", "A path or query parameter has the wrong form");
        }
    }
}
