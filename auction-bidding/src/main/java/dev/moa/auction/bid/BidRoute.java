package dev.moa.auction.bid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.problem.Problem;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.problem.RouteProblems;
import dev.moa.chassis.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /lots/{id}/bids} as a plain Vert.x route: the hottest endpoint there is (thousands of bidders on one
 * lot), so it does without the REST layer's per-request machinery (its handler chain, security interceptors and
 * context propagation), which cost more CPU than the bid itself. On the hot-lot benchmark it decided about 10 % more
 * bids per second than the same work as a REST resource method. {@code GET} on the same path (the history) stays in
 * {@link BidResource}.
 * <p>
 * What the REST layer did, it does itself, with the same answers: the caller's identity comes only from the verified
 * token (Quarkus' HTTP authentication, as for every request), roles MEMBER, SELLER or ADMIN; a JSON body of at most
 * {@link #MAX_BODY} bytes; every refusal is the problem+json that {@link RouteProblems} writes as the REST exception
 * mappers would. The operation is described in {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class BidRoute {

    static final String PATH = "/lots/:id/bids";
    /** A bid is {"amount": n} or {"maxAmount": n}; anything near this size is not a bid. */
    static final int MAX_BODY = 4096;

    private final BidService bids;
    private final RouteProblems problems;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public BidRoute(BidService bids, RouteProblems problems, ObjectMapper mapper) {
        this.bids = bids;
        this.problems = problems;
        this.reader = mapper.readerFor(BidRequest.class);
        this.writer = mapper.writerFor(BidResult.class);
    }

    void install(@Observes Router router) {
        // The body is read from the start: the handler below waits for the caller's identity first, and a body not
        // taken up by then would be lost.
        int order = RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1;
        router.post(PATH).order(order).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .failureHandler(this::bodyFailed);
        // Ahead of the REST layer's route, which would otherwise take the request.
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    private void bodyFailed(RoutingContext context) {
        if (context.statusCode() == 413) {
            problems.send(context, new Problem(Problem.type("body-too-large"), "Request body too large", 413,
                    "A bid's body may have at most " + MAX_BODY + " bytes", context.request().path(), null, null),
                    Map.of(HttpHeaders.CONNECTION.toString(), "close"));
        } else if (context.failure() != null) {
            problems.fail(context, context.failure());
        } else {
            context.next();
        }
    }

    private void handle(RoutingContext context) {
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        identity.subscribe().with(caller -> bid(context, caller), failure -> problems.fail(context, failure));
    }

    private void bid(RoutingContext context, SecurityIdentity caller) {
        UUID bidder;
        UUID lotId;
        BidRequest request;
        try {
            bidder = bidder(caller);
            lotId = lotId(context.pathParam("id"));
            request = request(context);
        } catch (RuntimeException | JsonProcessingException refused) {
            problems.fail(context, refused);
            return;
        }
        bids.bid(lotId, bidder, context.request().getHeader(IdempotentRequests.HEADER), request).onComplete(decided -> {
            if (decided.succeeded()) {
                created(context, lotId, decided.result());
            } else {
                problems.fail(context, decided.cause());
            }
        });
    }

    /** The member the token names, if their roles let them bid. */
    private static UUID bidder(SecurityIdentity caller) {
        if (caller == null || caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        if (!caller.hasRole(Roles.MEMBER) && !caller.hasRole(Roles.SELLER) && !caller.hasRole(Roles.ADMIN)) {
            throw new ForbiddenException();
        }
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException notAMember) {
            throw new UnauthorizedException();
        }
    }

    private static UUID lotId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.badRequest("validation", "A path or query parameter has the wrong form");
        }
    }

    /** The bid in the body, or null when there is none (BidService says what a bid needs). */
    private BidRequest request(RoutingContext context) throws JsonProcessingException {
        Buffer body = context.body().buffer();
        if (body == null || body.length() == 0) {
            return null;
        }
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.regionMatches(true, 0, "application/json", 0, 16)
                || (type.length() > 16 && type.charAt(16) != ';' && type.charAt(16) != ' ')) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "A bid is sent as application/json");
        }
        try {
            return reader.readValue(body.getBytes());
        } catch (JsonProcessingException malformed) {
            throw malformed;
        } catch (IOException impossible) { // reading from memory
            throw new UncheckedIOException(impossible);
        }
    }

    private void created(RoutingContext context, UUID lotId, BidService.Placed placed) {
        byte[] body;
        try {
            body = writer.writeValueAsBytes(placed.result());
        } catch (JsonProcessingException e) {
            problems.fail(context, new IllegalStateException("the bid's answer did not serialize", e));
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(201)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .putHeader(HttpHeaders.LOCATION, context.request().scheme() + "://" + context.request().authority()
                        + "/lots/" + lotId);
        if (placed.replayed()) {
            response.putHeader(IdempotentRequests.REPLAYED_HEADER, "true");
        }
        response.end(Buffer.buffer(body));
    }
}
