package dev.moa.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/**
 * Turns every failure of a request into {@code application/problem+json}: domain problems, validation, malformed
 * JSON, framework statuses (404, 405, 415 …), authentication and authorization, and anything unexpected as a 500 that
 * names only an error id (the cause goes to the log, never to the client).
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response domain(ProblemException e, HttpServerRequest request) {
        Response.ResponseBuilder response = respond(Problem.of(e, request.path()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        return respond(Problem.invalid(e.getConstraintViolations(), request.path())).build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        return respond(Problem.malformedJson(e, request.path())).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        return respond(Problem.unauthenticated(request.path()))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.forbidden(request.path())).build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException malformed) {
            return malformedJson(malformed, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (status == 404 && e.getCause() != null && e instanceof jakarta.ws.rs.NotFoundException
                && !(e.getCause() instanceof WebApplicationException)) {
            // A path or query parameter that does not convert (a number, a UUID) is bad input, not a missing page.
            return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                    "A path or query parameter has the wrong form", request.path(), null, null)).build();
        }
        Response.StatusType statusType = e.getResponse().getStatusInfo();
        String slug = statusType.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String detail = status == 404 ? "No resource at " + request.path() : statusType.getReasonPhrase();
        Response.ResponseBuilder response = respond(new Problem(Problem.type(slug), statusType.getReasonPhrase(),
                status, detail, request.path(), null, null));
        if (e.getResponse().getHeaderString("Allow") != null) {
            response.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        Problem known = knownDatabaseRefusal(e, request.path());
        if (known != null) {
            return respond(known).build();
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected failure of %s %s, error id %s", request.method(), request.path(), errorId);
        return respond(Problem.internal(errorId, request.path())).build();
    }

    /**
     * Database refusals that are the client's doing, not ours: a value PostgreSQL cannot take (SQLSTATE class 22,
     * e.g. a NUL character) is a 400; a lost optimistic-lock race is a 409 the client may retry.
     */
    static Problem knownDatabaseRefusal(Throwable e, String path) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && pg.getSqlState().startsWith("22")) {
                return new Problem(Problem.type("invalid-value"), "Invalid value", 400,
                        "A value in the request cannot be stored (for example a NUL character)", path, null, null);
            }
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return new Problem(Problem.type("concurrent-update"), "Concurrent update", 409,
                        "Someone changed this at the same moment; read it again and retry", path, null, null);
            }
        }
        return null;
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
