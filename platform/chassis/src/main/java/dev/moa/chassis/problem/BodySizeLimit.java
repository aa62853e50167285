package dev.moa.chassis.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size} with a
 * 413 problem+json before a byte of it is read. (Quarkus' own check, one step later, would answer with an empty
 * 413; it still guards chunked bodies that declare no length.)
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Just before Quarkus' upload-limit route ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    private static final int ORDER = -3;

    private final Optional<MemorySize> limit;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(ORDER).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, max.asLongValue())) {
                String body = "{\"type\":\"" + Problem.TYPE_BASE + "body-too-large\",\"title\":\"Request body too large\","
                        + "\"status\":413,\"detail\":\"The request body may have at most " + max.asLongValue()
                        + " bytes\",\"instance\":\"" + context.request().path().replace("\"", "") + "\"}";
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            context.next();
        }));
    }

    private static boolean exceeds(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
