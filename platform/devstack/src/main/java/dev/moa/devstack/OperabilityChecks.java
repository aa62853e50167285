package dev.moa.devstack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every Moa service must show once started on the devstack: live, started and ready (readiness covering each
 * server it uses), Prometheus metrics, its OpenAPI document and Swagger UI, and problem+json for an unknown path.
 */
public final class OperabilityChecks {

    private OperabilityChecks() {
    }

    /**
     * @param openApiTitle the title the service's OpenAPI document must carry
     * @param readyCovers  a word that must appear in the name of a readiness check, one per server used
     *                     (e.g. {@code "PostgreSQL"}, {@code "Kafka"}, {@code "Redis"})
     */
    public static void assertOperable(String openApiTitle, String... readyCovers) {
        PackagedAppChecks.assertHealthy(readyCovers);

        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(openApiTitle));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().when().get("/no-such-resource").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
