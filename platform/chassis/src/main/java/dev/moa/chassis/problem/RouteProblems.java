package dev.moa.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;

import java.util.Map;
import java.util.UUID;

/**
 * Problem answers for the few handlers written as plain Vert.x routes (a hot path that does without the REST layer),
 * with the bodies and headers {@link ProblemMappers} gives the REST resources, so that a client cannot tell them
 * apart.
 */
@ApplicationScoped
public class RouteProblems {

    private final ObjectWriter writer;

    public RouteProblems(ObjectMapper mapper) {
        this.writer = mapper.writerFor(Problem.class);
    }

    /**
     * Answers a failed request: a domain problem as itself, authentication and authorization as 401 and 403,
     * violated constraints and malformed JSON as 400, a database refusal that is the client's doing as ProblemMappers has it, and anything
     * else as a 500 that names only an error id (the cause goes to the log).
     */
    public void fail(RoutingContext context, Throwable failure) {
        String path = context.request().path();
        if (failure instanceof ProblemException e) {
            send(context, Problem.of(e, path), e.headers());
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            send(context, Problem.unauthenticated(path), Map.of("WWW-Authenticate", "Bearer"));
        } else if (failure instanceof ForbiddenException) {
            send(context, Problem.forbidden(path), Map.of());
        } else if (failure instanceof ConstraintViolationException invalid) {
            send(context, Problem.invalid(invalid.getConstraintViolations(), path), Map.of());
        } else if (failure instanceof JsonProcessingException malformed) {
            send(context, Problem.malformedJson(malformed, path), Map.of());
        } else {
            Problem known = ProblemMappers.knownDatabaseRefusal(failure, path);
            if (known != null) {
                send(context, known, Map.of());
                return;
            }
            String errorId = UUID.randomUUID().toString();
            Log.errorf(failure, "unexpected failure of %s %s, error id %s", context.request().method(), path,
                    errorId);
            send(context, Problem.internal(errorId, path), Map.of());
        }
    }

    /** Sends {@code problem} with {@code headers}, unless an answer has already gone out. */
    public void send(RoutingContext context, Problem problem, Map<String, String> headers) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            return;
        }
        byte[] body;
        try {
            body = writer.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(Buffer.buffer(body));
    }
}
