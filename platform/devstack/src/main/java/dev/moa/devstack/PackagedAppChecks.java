package dev.moa.devstack;

import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every packaged Moa service must show once started on the devstack, for the {@code *IT} classes
 * ({@code @QuarkusIntegrationTest}): the same checks hold for the JVM jar here and for the native executable on the
 * hosted runner, so nothing here depends on JVM-only metrics (a native image has no JIT or class-loading meters).
 */
public final class PackagedAppChecks {

    /** The media type of every error answer (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    private PackagedAppChecks() {
    }

    /** Live, started and ready, with a readiness check UP for each of {@code readyCovers} (e.g. "Kafka"). */
    public static void assertHealthy(String... readyCovers) {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        JsonPath ready = given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).extract().jsonPath();
        List<Map<String, Object>> checks = ready.getList("checks");
        for (String server : readyCovers) {
            boolean covered = checks.stream().anyMatch(check ->
                    String.valueOf(check.get("name")).toLowerCase().contains(server.toLowerCase())
                            && "UP".equals(check.get("status")));
            if (!covered) {
                throw new AssertionError("readiness does not cover " + server + " (UP): " + checks);
            }
        }
    }

    /**
     * The OpenAPI document with the service's title, Prometheus metrics that count HTTP requests, and
     * problem+json for a path that does not exist (the request that the metrics then count).
     */
    public static void assertDocumentedAndMeasured(String openApiTitle) {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(openApiTitle));
        given().when().get("/no-such-resource").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE http_server_requests_seconds"))
                .body(containsString("process_uptime_seconds"));
    }
}
