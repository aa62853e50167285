package dev.moa.chassis.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.moa.chassis.problem.Problem;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.problem.RouteProblems;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST} endpoints as plain Vert.x routes, for the few hottest paths (a bid, a remittance), where the REST
 * layer's per-request machinery (its handler chain, CDI request context, security interceptors, method validation,
 * context propagation and dynamic entity writer) cost as much CPU as the operation's own work in the service, or more
 * (JFR under the benchmarks).
 * <p>
 * What the REST layer did for them is done here, with the same answers: the caller's identity comes only from the
 * verified token (Quarkus' HTTP authentication, as for every request) and must carry one of the route's roles; the
 * body has at most the route's limit of bytes, is {@code application/json}, and is read by the application's
 * {@link ObjectMapper} (so as strictly as the REST layer reads); every refusal is the problem+json that
 * {@link RouteProblems} writes as the REST exception mappers would. Each route's operation is described in its
 * service's {@code META-INF/openapi.yaml}, which the annotation scan does not replace.
 */
@ApplicationScoped
public class JsonPostRoutes {

    /** The work of a route, once the caller and the body are known; the body is null when the request had none. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(RoutingContext context, UUID member, T body);
    }

    private static final String JSON = "application/json";

    private final ObjectMapper mapper;
    private final RouteProblems problems;

    public JsonPostRoutes(ObjectMapper mapper, RouteProblems problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    /**
     * Installs {@code POST path} (Vert.x syntax, {@code /lots/:id/bids}) ahead of the REST layer: for a caller with
     * one of {@code roles}, a JSON body of at most {@code maxBody} bytes is read as {@code type} and handed over.
     */
    public <T> void post(Router router, String path, Class<T> type, int maxBody, Set<String> roles,
                         Handler<T> handler) {
        ObjectReader reader = mapper.readerFor(type);
        // The body is read from the start: the handler waits for the caller's identity first, and a body not taken up
        // by then would be lost.
        router.post(path).order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1)
                .handler(BodyHandler.create(false).setBodyLimit(maxBody))
                .failureHandler(context -> bodyFailed(context, maxBody));
        router.post(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(context -> {
            Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            if (identity == null) { // Quarkus' authentication did not run for this request: no one to act for
                problems.fail(context, new UnauthorizedException());
                return;
            }
            identity.subscribe().with(caller -> {
                UUID member;
                T body;
                try {
                    member = member(caller, roles);
                    body = read(context, reader);
                } catch (RuntimeException | JsonProcessingException refused) {
                    problems.fail(context, refused);
                    return;
                }
                try {
                    handler.handle(context, member, body);
                } catch (RuntimeException failure) {
                    problems.fail(context, failure);
                }
            }, failure -> problems.fail(context, failure));
        });
    }

    /** Answers with {@code status} and a JSON body (absent when null), with {@code headers}. */
    public void answer(RoutingContext context, int status, Buffer json, Map<String, String> headers) {
        HttpServerResponse response = context.response().setStatusCode(status);
        headers.forEach(response::putHeader);
        if (json == null) {
            response.end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, JSON + ";charset=UTF-8").end(json);
        }
    }

    /**
     * The request's base ({@code http://host:port}), for a {@code Location} made absolute as the REST layer makes it;
     * empty (a relative location) for a request that named no host.
     */
    public static String base(RoutingContext context) {
        HostAndPort authority = context.request().authority();
        return authority == null ? "" : context.request().scheme() + "://" + authority;
    }

    private void bodyFailed(RoutingContext context, int maxBody) {
        if (context.statusCode() == 413) {
            problems.send(context, new Problem(Problem.type("body-too-large"), "Request body too large", 413,
                    "The request body may have at most " + maxBody + " bytes", context.request().path(), null, null),
                    Map.of(HttpHeaders.CONNECTION.toString(), "close"));
        } else if (context.failure() != null) {
            problems.fail(context, context.failure());
        } else {
            context.next();
        }
    }

    /** The member the token names, if it carries one of {@code roles}. */
    private static UUID member(SecurityIdentity caller, Set<String> roles) {
        if (caller == null || caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        if (roles.stream().noneMatch(caller::hasRole)) {
            throw new ForbiddenException();
        }
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException notAMember) {
            throw new UnauthorizedException();
        }
    }

    private static <T> T read(RoutingContext context, ObjectReader reader) throws JsonProcessingException {
        Buffer body = context.body().buffer();
        if (body == null || body.length() == 0) {
            return null;
        }
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.regionMatches(true, 0, JSON, 0, JSON.length())
                || (type.length() > JSON.length() && type.charAt(JSON.length()) != ';'
                && type.charAt(JSON.length()) != ' ')) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "The request body must be " + JSON);
        }
        try {
            return reader.readValue(body.getBytes());
        } catch (JsonProcessingException malformed) {
            throw malformed;
        } catch (IOException impossible) { // reading from memory
            throw new UncheckedIOException(impossible);
        }
    }
}
