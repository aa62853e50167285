package dev.moa.notifications;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.PackagedAppChecks;
import dev.moa.events.Topics;
import dev.moa.events.membership.MemberRegistered;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * The packaged notifications service (the JVM jar here, the native executable with {@code -Pnative}) on the devstack
 * and a real SMTP server: healthy, documented, measured; a {@code MemberRegistered} read from Kafka becomes a welcome
 * in the member's feed (event JSON read by the app's mapper, a Qute template rendered); paging out of bounds is a
 * problem.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = DevStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "moa_notifications"))
@QuarkusTestResource(MailServerResource.class)
class NotificationsIT {

    @Test
    void startsHealthyDocumentedAndMeasured() {
        PackagedAppChecks.assertHealthy("PostgreSQL", "Kafka");
        PackagedAppChecks.assertDocumentedAndMeasured("Moa Notifications API");
    }

    @Test
    void aNewMemberIsWelcomedInTheirFeed() {
        UUID member = UUID.randomUUID();
        NotificationsApi.publish(Topics.MEMBERSHIP_EVENTS, new MemberRegistered(member,
                NotificationsApi.emailOf(member), NotificationsApi.nameOf(member), "SEOUL", "en", Instant.now()));

        await().atMost(NotificationsApi.WAIT).untilAsserted(() -> as(member).get("/notifications/me/unread-count")
                .then().statusCode(200).body("unread", equalTo(1)));
        as(member).get("/notifications/me").then().statusCode(200)
                .body("items[0].kind", equalTo("welcome")).body("items[0].summary", not(emptyOrNullString()));
    }

    @Test
    void aPageOutOfBoundsIsAProblem() {
        as(UUID.randomUUID()).queryParam("limit", 0).get("/notifications/me")
                .then().statusCode(400).contentType(PackagedAppChecks.PROBLEM_JSON);
    }

    @Test
    void anUnauthenticatedFeedCallIsRefusedAsAProblem() {
        given().when().get("/notifications/me")
                .then().statusCode(401).contentType(PackagedAppChecks.PROBLEM_JSON);
    }
}
