package dev.moa.notifications.preference;

import dev.moa.events.Topics;
import dev.moa.events.money.TopUpCompleted;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.as;
import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.count;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Preferences per category and channel: respected by delivery, mandatory ones fixed, bad input refused. */
@QuarkusTest
class PreferencesTest {

    @Test
    void everyCategoryIsOnByDefaultAndReceiptsAndSecurityAreMandatory() {
        UUID member = UUID.randomUUID();

        var body = as(member).get("/notifications/preferences").then().statusCode(200).extract().jsonPath();

        assertThat(body.getList("preferences.category")).containsExactly("SECURITY", "ACCOUNT", "RECEIPT",
                "REMITTANCE", "GROUP", "AUCTION", "OUTBID", "SUBSCRIPTION");
        assertThat(body.getList("preferences.findAll { it.mandatory }.category"))
                .containsExactly("SECURITY", "ACCOUNT", "RECEIPT");
        assertThat(body.getList("preferences.email")).containsOnly(true);
        assertThat(body.getList("preferences.inApp")).containsOnly(true);
    }

    @Test
    void emailSwitchedOffMeansFeedOnlyAndInAppSwitchedOffMeansMailOnly() {
        UUID sender = newMember("ko");
        UUID member = newMember("en");
        put(member, List.of(Map.of("category", "REMITTANCE", "email", false, "inApp", true),
                Map.of("category", "GROUP", "email", true, "inApp", false)))
                .then().statusCode(200)
                .body("preferences.find { it.category == 'REMITTANCE' }.email", equalTo(false))
                .body("preferences.find { it.category == 'GROUP' }.inApp", equalTo(false));

        publish(Topics.MONEY_EVENTS, new dev.moa.events.money.TransferPosted(UUID.randomUUID(), UUID.randomUUID(),
                sender, UUID.randomUUID(), member, 4_000, "KRW", "REMITTANCE", null, null, Instant.now()));
        UUID owner = newMember("ko");
        UUID group = NotificationsApi.newGroup(owner, "Tennis");
        NotificationsApi.join(group, member, "MEMBER");

        awaitMails(member, "You joined Tennis", 1);
        await().atMost(NotificationsApi.WAIT).until(() -> count("select count(*) from notifications "
                + "where member_id = ? and kind = 'remittance-received'", member) == 1);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = 'remittance-received'",
                member)).isZero();
        assertThat(count("select count(*) from notifications where member_id = ? and kind = 'group-joined'",
                member)).isZero();
    }

    @Test
    void receiptsAreDeliveredWhateverTheMemberAsks() {
        UUID member = newMember("en");

        put(member, List.of(Map.of("category", "RECEIPT", "email", false, "inApp", true)))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/preference-mandatory"));
        publish(Topics.MONEY_EVENTS, new TopUpCompleted(UUID.randomUUID(), member, UUID.randomUUID(),
                UUID.randomUUID(), 1_000, UUID.randomUUID(), Instant.now()));

        awaitMails(member, "Top-up of KRW 1,000 completed", 1);
        assertThat(count("select count(*) from preferences where member_id = ?", member)).isZero();
    }

    @Test
    void aRefusedChangeChangesNothingEvenForTheValidEntries() {
        UUID member = UUID.randomUUID();

        put(member, List.of(Map.of("category", "REMITTANCE", "email", false, "inApp", false),
                Map.of("category", "SECURITY", "email", false, "inApp", true)))
                .then().statusCode(422);

        assertThat(count("select count(*) from preferences where member_id = ?", member)).isZero();
    }

    @Test
    void malformedJsonIsA400ProblemAndChangesNothing() {
        UUID member = UUID.randomUUID();

        as(member).contentType(ContentType.JSON).body("{\"preferences\": [{\"category\": \"REMITTANCE\", \"email\": ")
                .put("/notifications/preferences")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/malformed-json"));

        assertThat(count("select count(*) from preferences where member_id = ?", member)).isZero();
    }

    @Test
    void unknownCategoryMissingChannelOrDuplicateIsA400() {
        UUID member = UUID.randomUUID();

        put(member, List.of(Map.of("category", "NEWSLETTER", "email", false, "inApp", true)))
                .then().statusCode(400).contentType("application/problem+json");
        put(member, List.of(Map.of("category", "REMITTANCE", "email", false)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/validation"));
        put(member, List.of(Map.of("category", "REMITTANCE", "email", false, "inApp", true),
                Map.of("category", "REMITTANCE", "email", true, "inApp", true)))
                .then().statusCode(400).body("type", equalTo("https://moa.dev/problems/preference-duplicate"));
        as(member).contentType(ContentType.JSON).body("{\"preferences\": []}").put("/notifications/preferences")
                .then().statusCode(400);

        assertThat(count("select count(*) from preferences where member_id = ?", member)).isZero();
    }

    @Test
    void preferencesNeedAToken() {
        given().get("/notifications/preferences").then().statusCode(401).contentType("application/problem+json");
    }

    private static io.restassured.response.Response put(UUID member, List<Map<String, Object>> preferences) {
        return as(member).contentType(ContentType.JSON).body(Map.of("preferences", preferences))
                .put("/notifications/preferences");
    }
}
