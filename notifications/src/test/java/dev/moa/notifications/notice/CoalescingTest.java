package dev.moa.notifications.notice;

import dev.moa.events.Topics;
import dev.moa.events.auction.Outbid;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.as;
import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.count;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Outbid coalescing (auction's Outbid): at most one message per (category, lot, member) within the window. */
@QuarkusTest
class CoalescingTest {

    private static long seq;

    @Test
    void repeatedOutbidOnOneLotSendsOneMailAndKeepsOneFeedEntryShowingTheLatestPrice() {
        UUID bidder = newMember("en");
        UUID lot = UUID.randomUUID();

        publish(Topics.AUCTION_EVENTS, outbid(lot, bidder, 10_000));
        publish(Topics.AUCTION_EVENTS, outbid(lot, bidder, 20_000));
        publish(Topics.AUCTION_EVENTS, outbid(lot, bidder, 30_000));

        await().atMost(NotificationsApi.WAIT).until(() -> count(
                "select coalesced_count from notifications where member_id = ? and kind = 'outbid'", bidder) == 2);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = 'outbid'", bidder))
                .isEqualTo(1);
        assertThat(awaitMails(bidder, "You were outbid", 1)).hasSize(1);
        JsonPath feed = as(bidder).get("/notifications/me").then().statusCode(200).extract().jsonPath();
        assertThat(feed.getList("items.findAll { it.kind == 'outbid' }.title"))
                .containsExactly("You were outbid: the price is now KRW 30,000");
        assertThat(feed.getString("items.find { it.kind == 'outbid' }.readAt")).isNull();
    }

    @Test
    void outbidOnAnotherLotOrOfAnotherMemberIsToldSeparately() {
        UUID bidder = newMember("ko");
        UUID rival = newMember("ko");
        UUID lot = UUID.randomUUID();

        publish(Topics.AUCTION_EVENTS, outbid(lot, bidder, 10_000));
        publish(Topics.AUCTION_EVENTS, outbid(UUID.randomUUID(), bidder, 50_000));
        publish(Topics.AUCTION_EVENTS, outbid(lot, rival, 11_000));

        assertThat(awaitMails(bidder, "입찰가가 추월되었습니다", 2)).hasSize(2);
        assertThat(awaitMails(rival, "입찰가가 추월되었습니다: 현재가 11,000원", 1)).hasSize(1);
    }

    /** Auction's Outbid: {@code bidder} no longer leads {@code lot}, now at {@code price}. */
    private static Outbid outbid(UUID lot, UUID bidder, long price) {
        return new Outbid(lot, bidder, ++seq, price, Instant.now().plusSeconds(600), Instant.now());
    }
}
