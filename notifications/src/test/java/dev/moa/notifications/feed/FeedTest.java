package dev.moa.notifications.feed;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.Topics;
import dev.moa.events.money.TransferPosted;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.as;
import static dev.moa.notifications.NotificationsApi.count;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The in-app feed: paged newest first, unread count, read marks, and only ever the caller's own. */
@QuarkusTest
class FeedTest {

    @Test
    void feedIsPagedNewestFirstWithTheMemoShownInTheApp() {
        UUID member = feedOf(5);

        JsonPath first = as(member).queryParam("limit", 3).get("/notifications/me").then().statusCode(200)
                .extract().jsonPath();
        JsonPath second = as(member).queryParam("limit", 3).queryParam("before", first.getLong("nextBefore"))
                .get("/notifications/me").then().statusCode(200).extract().jsonPath();

        as(member).queryParam("limit", 3).queryParam("before", second.getLong("nextBefore"))
                .get("/notifications/me").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextBefore", nullValue());

        List<Long> seqs = new ArrayList<>(first.getList("items.seq", Long.class));
        seqs.addAll(second.getList("items.seq", Long.class));
        assertThat(seqs).hasSize(6).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(first.getList("items.summary", String.class)).anySatisfy(summary ->
                assertThat(summary).contains("Memo: note"));
        assertThat(first.getList("items.kind", String.class)).contains("remittance-received");
    }

    @Test
    void unreadCountFollowsReadMarks() {
        UUID member = feedOf(3);
        assertThat(unread(member)).isEqualTo(4);
        UUID one = UUID.fromString(as(member).get("/notifications/me").then().extract().jsonPath()
                .getString("items[0].id"));

        as(member).post("/notifications/" + one + "/read").then().statusCode(204);
        as(member).post("/notifications/" + one + "/read").then().statusCode(204);

        assertThat(unread(member)).isEqualTo(3);
        as(member).post("/notifications/me/read-all").then().statusCode(200).body("marked", equalTo(3));
        assertThat(unread(member)).isZero();
    }

    @Test
    void anotherMembersNotificationIsNotFoundAndStaysUnread() {
        UUID owner = feedOf(1);
        UUID intruder = UUID.randomUUID();
        String id = as(owner).get("/notifications/me").then().extract().jsonPath().getString("items[0].id");

        as(intruder).post("/notifications/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        as(intruder).post("/notifications/me/read-all").then().statusCode(200).body("marked", equalTo(0));
        as(intruder).get("/notifications/me").then().statusCode(200).body("items.size()", equalTo(0))
                .body("nextBefore", nullValue());

        assertThat(count("select count(*) from notifications where member_id = ? and read_at is not null", owner))
                .isZero();
    }

    @Test
    void badPathOrPagingParametersAreA400Problem() {
        UUID member = UUID.randomUUID();

        as(member).post("/notifications/not-a-uuid/read").then().statusCode(400).contentType("application/problem+json");
        as(member).queryParam("limit", 0).get("/notifications/me").then().statusCode(400)
                .contentType("application/problem+json");
        as(member).queryParam("limit", 101).get("/notifications/me").then().statusCode(400);
        as(member).queryParam("before", "x").get("/notifications/me").then().statusCode(400);
    }

    @Test
    void theFeedNeedsAMemberToken() {
        given().get("/notifications/me").then().statusCode(401).contentType("application/problem+json");
        String serviceToken = DevStackResource.stack().tokenKeys().mint(UUID.randomUUID().toString(), "SERVICE");
        given().auth().oauth2(serviceToken).get("/notifications/me").then().statusCode(403);
    }

    /** A member with a welcome and {@code remittances} remittances in the feed. */
    private static UUID feedOf(int remittances) {
        UUID member = newMember("en");
        for (int i = 0; i < remittances; i++) {
            publish(Topics.MONEY_EVENTS, new TransferPosted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), member, 100 + i, "KRW", "REMITTANCE", null, "note " + i, Instant.now()));
        }
        await().atMost(NotificationsApi.WAIT).until(() -> unread(member) == remittances + 1);
        return member;
    }

    private static long unread(UUID member) {
        return as(member).get("/notifications/me/unread-count").then().statusCode(200).extract().jsonPath()
                .getLong("unread");
    }
}
