package dev.moa.notifications.auction;

import dev.moa.events.Topics;
import dev.moa.events.auction.LotClosed;
import dev.moa.notifications.Mails;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.as;
import static dev.moa.notifications.NotificationsApi.awaitHandled;
import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.count;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.preference;
import static dev.moa.notifications.NotificationsApi.publish;
import static dev.moa.notifications.NotificationsApi.withSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A close under the reserve tells the bidder who led (AUCTION, switchable) as well as the seller. */
@QuarkusTest
class ReserveNotMetNoticeTest {

    private static final String BIDDER_SUBJECT_KO = "최고가로 응찰하신 경매가 최저 낙찰가에 이르지 못했습니다";
    private static final String BIDDER_SUBJECT_EN = "The lot you led closed below its reserve";

    @Test
    void highestBidderIsToldInTheirLanguageWithTheirBidAndAnUnsubscribeLink() {
        UUID seller = newMember("en");
        UUID bidder = newMember("ko");

        publish(Topics.AUCTION_EVENTS, reserveNotMet(seller, bidder, 1_800_000));

        MimeMessage mail = awaitMails(bidder, BIDDER_SUBJECT_KO, 1).get(0);
        assertThat(Mails.text(mail)).contains("1,800,000원으로 최고 응찰자였지만").contains("보류된 금액은 해제되었습니다");
        assertThat(Mails.html(mail)).contains("<strong>1,800,000원</strong>");
        assertThat(Mails.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8086/notifications/");
        awaitMails(seller, "Your lot closed below its reserve", 1);
    }

    @Test
    void highestBidderFindsItInTheFeed() {
        UUID seller = newMember("en");
        UUID bidder = newMember("en");
        LotClosed closed = reserveNotMet(seller, bidder, 75_000);

        awaitHandled(publish(Topics.AUCTION_EVENTS, closed));

        as(bidder).get("/notifications/me").then().statusCode(200)
                .body("items.findAll { it.kind == 'lot-reserve-not-met-bidder' }.size()", equalTo(1))
                .body("items.find { it.kind == 'lot-reserve-not-met-bidder' }.ref", equalTo(closed.lotId().toString()))
                .body("items.find { it.kind == 'lot-reserve-not-met-bidder' }.title", equalTo(BIDDER_SUBJECT_EN))
                .body("items.find { it.kind == 'lot-reserve-not-met-bidder' }.category", equalTo("AUCTION"));
    }

    @Test
    void redeliveredCloseSendsTheBidderOneMail() {
        UUID seller = newMember("en");
        UUID bidder = newMember("en");
        LotClosed closed = reserveNotMet(seller, bidder, 75_000);
        String eventId = UUID.randomUUID().toString();

        publish(Topics.AUCTION_EVENTS, closed, eventId);
        publish(Topics.AUCTION_EVENTS, closed, eventId);
        // Same lot, so the same partition: handled after both copies above.
        awaitHandled(publish(Topics.AUCTION_EVENTS, new LotClosed(closed.lotId(), seller, LotClosed.UNSOLD, null,
                null, null, 0, Instant.now())));

        awaitMails(bidder, BIDDER_SUBJECT_EN, 1);
        assertThat(withSubject(bidder, BIDDER_SUBJECT_EN)).hasSize(1);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = ?", bidder,
                "lot-reserve-not-met-bidder")).isEqualTo(1);
        assertThat(count("select count(*) from notifications where member_id = ? and kind = ?", bidder,
                "lot-reserve-not-met-bidder")).isEqualTo(1);
    }

    @Test
    void bidderWithAuctionMailOffGetsNoMailButTheFeedEntry() {
        UUID seller = newMember("en");
        UUID bidder = newMember("en");
        preference(bidder, "AUCTION", false, true);

        awaitHandled(publish(Topics.AUCTION_EVENTS, reserveNotMet(seller, bidder, 75_000)));

        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = ?", bidder,
                "lot-reserve-not-met-bidder")).isZero();
        assertThat(count("select count(*) from notifications where member_id = ? and kind = ?", bidder,
                "lot-reserve-not-met-bidder")).isEqualTo(1);
    }

    @Test
    void reserveNotMetWithoutAHighestBidderTellsTheSellerOnly() {
        UUID seller = newMember("en");

        String eventId = publish(Topics.AUCTION_EVENTS, new LotClosed(UUID.randomUUID(), seller,
                LotClosed.RESERVE_NOT_MET, null, null, null, 2, Instant.now()));

        awaitHandled(eventId);
        assertThat(count("select count(*) from notifications where event_id = ?", eventId)).isEqualTo(1);
        assertThat(count("select count(*) from notifications where event_id = ? and member_id = ?", eventId,
                seller)).isEqualTo(1);
    }

    private static LotClosed reserveNotMet(UUID seller, UUID bidder, long highestBid) {
        return new LotClosed(UUID.randomUUID(), seller, LotClosed.RESERVE_NOT_MET, null, null, null, 3, Instant.now(),
                null, null, bidder, highestBid);
    }
}
