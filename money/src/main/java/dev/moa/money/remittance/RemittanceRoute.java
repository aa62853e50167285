package dev.moa.money.remittance;

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
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /remittances} (member-to-member and member-to-group, idempotent by {@code Idempotency-Key}) as a plain
 * Vert.x route ({@link JsonPostRoutes}): money's hottest endpoint, where the REST layer's per-request machinery
 * (RESTEasy, CDI's request context, context propagation, method validation) was close to a third of the service's CPU
 * on the transfers benchmark, and the service's CPU is PostgreSQL's loss on two shared cores. MEMBER only; the body's
 * constraints are those declared on {@link RemittanceService.Remittance}, checked here. The operation is described in
 * {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class RemittanceRoute {

    /** A recipient, an amount and a memo of at most 140 characters fit in far less. */
    static final int MAX_BODY = 4096;

    private final RemittanceService remittances;
    private final JsonPostRoutes routes;
    private final RouteProblems problems;
    private final Validator validator;

    public RemittanceRoute(RemittanceService remittances, JsonPostRoutes routes, RouteProblems problems,
                           Validator validator) {
        this.remittances = remittances;
        this.routes = routes;
        this.problems = problems;
        this.validator = validator;
    }

    void install(@Observes Router router) {
        routes.post(router, "/remittances", RemittanceService.Remittance.class, MAX_BODY, Set.of(Roles.MEMBER),
                this::remit);
    }

    private void remit(RoutingContext context, UUID sender, RemittanceService.Remittance remittance) {
        if (remittance == null) {
            throw ProblemException.badRequest("validation", "A remittance needs a body: a recipient and an amount");
        }
        Set<ConstraintViolation<RemittanceService.Remittance>> violations = validator.validate(remittance);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        remittances.remit(sender, context.request().getHeader(IdempotentRequests.HEADER), remittance)
                .onComplete(remitted -> {
                    if (remitted.failed()) {
                        problems.fail(context, remitted.cause());
                        return;
                    }
                    RemittanceService.Answer answer = remitted.result();
                    Map<String, String> headers = new HashMap<>(4);
                    if (answer.location() != null) {
                        headers.put(HttpHeaders.LOCATION.toString(), answer.location());
                    }
                    if (answer.replayed()) {
                        headers.put(IdempotentRequests.REPLAYED_HEADER, "true");
                    }
                    routes.answer(context, answer.status(), answer.body() == null ? null : Buffer.buffer(answer.body()),
                            headers);
                });
    }
}
