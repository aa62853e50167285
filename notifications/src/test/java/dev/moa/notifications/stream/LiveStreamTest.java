package dev.moa.notifications.stream;

import dev.moa.events.Topics;
import dev.moa.events.money.TopUpCompleted;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publish;
import static dev.moa.notifications.NotificationsApi.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The live stream (SSE): a member's stream carries their notifications as they commit, and no one else's. */
@QuarkusTest
class LiveStreamTest {

    @TestHTTPResource("/notifications/me/stream")
    URI stream;

    @Test
    void aMembersStreamCarriesTheirNotificationsAndNoOneElses() {
        UUID alice = newMember("en");
        UUID bob = newMember("ko");
        try (SseClient aliceStream = SseClient.open(stream, token(alice)).awaitReady();
             SseClient bobStream = SseClient.open(stream, token(bob)).awaitReady()) {
            UUID aliceFirst = topUp(alice, 1_000);
            UUID bobs = topUp(bob, 2_000);
            await().atMost(NotificationsApi.WAIT).until(() -> aliceStream.received(aliceFirst.toString())
                    && bobStream.received(bobs.toString()));
            UUID aliceSecond = topUp(alice, 3_000);
            await().atMost(NotificationsApi.WAIT).until(() -> aliceStream.received(aliceSecond.toString()));

            assertThat(aliceStream.lines()).contains("event:notification")
                    .anySatisfy(line -> assertThat(line).startsWith("data:").contains("Top-up of KRW 3,000 completed"))
                    .noneSatisfy(line -> assertThat(line).contains(bobs.toString()));
            assertThat(bobStream.lines())
                    .anySatisfy(line -> assertThat(line).contains("2,000원 충전이 완료되었습니다"))
                    .noneSatisfy(line -> assertThat(line).contains(aliceFirst.toString()))
                    .noneSatisfy(line -> assertThat(line).contains(aliceSecond.toString()));
        }
    }

    @Test
    void theStreamNeedsAMemberToken() {
        given().accept("text/event-stream").get("/notifications/me/stream")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aMemberHoldsAtMostFiveStreams() {
        UUID member = UUID.randomUUID();
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(SseClient.open(stream, token(member)).awaitReady());
            }

            given().auth().oauth2(token(member)).accept("text/event-stream").get("/notifications/me/stream")
                    .then().statusCode(429).contentType("application/problem+json")
                    .body("type", equalTo("https://moa.dev/problems/too-many-requests"));
        } finally {
            open.forEach(SseClient::close);
        }
    }

    private static UUID topUp(UUID member, long amount) {
        UUID topUpId = UUID.randomUUID();
        publish(Topics.MONEY_EVENTS, new TopUpCompleted(topUpId, member, UUID.randomUUID(), UUID.randomUUID(), amount,
                UUID.randomUUID(), Instant.now()));
        return topUpId;
    }
}
