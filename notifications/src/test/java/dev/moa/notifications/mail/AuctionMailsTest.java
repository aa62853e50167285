package dev.moa.notifications.mail;

import dev.moa.events.Topics;
import dev.moa.events.auction.LotClosed;
import dev.moa.events.auction.RegistrationApproved;
import dev.moa.events.auction.RegistrationRejected;
import dev.moa.events.payment.AuctionPaymentCompleted;
import dev.moa.events.payment.AuctionPaymentFailed;
import dev.moa.events.payment.SecondChanceOffered;
import dev.moa.notifications.Mails;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.count;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Auction events and the payment events of lots tell the bidder, the buyer and the seller, in their locale. */
@QuarkusTest
class AuctionMailsTest {

    @Test
    void registrationApprovedTellsTheLimitWithAnUnsubscribeLink() {
        UUID bidder = newMember("en");

        publish(Topics.AUCTION_EVENTS, new RegistrationApproved(UUID.randomUUID(), bidder, 500_000,
                UUID.randomUUID(), Instant.now()));

        MimeMessage mail = awaitMails(bidder, "You may bid up to KRW 500,000", 1).get(0);
        assertThat(Mails.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8086/notifications/");
    }

    @Test
    void registrationRejectedSaysWhy() {
        UUID bidder = newMember("ko");

        publish(Topics.AUCTION_EVENTS, new RegistrationRejected(UUID.randomUUID(), bidder, 300_000,
                UUID.randomUUID(), "INSUFFICIENT_FUNDS", Instant.now()));

        MimeMessage mail = awaitMails(bidder, "300,000원 응찰 등록이 거절되었습니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("(INSUFFICIENT_FUNDS)");
    }

    @Test
    void aSoldCloseAloneTellsNobodyOfAWin() {
        UUID winner = newMember("en");
        UUID seller = newMember("en");
        UUID lot = UUID.randomUUID();

        String closed = publish(Topics.AUCTION_EVENTS, new LotClosed(lot, seller, LotClosed.SOLD, winner, 900_000L,
                UUID.randomUUID(), 7, Instant.now()));

        await().atMost(NotificationsApi.WAIT).until(() -> count(
                "select count(*) from moa_inbox where consumer = 'notifications' and event_id = ?", closed) == 1);
        // Only their welcome notices: nothing about the lot.
        assertThat(count("select count(*) from notifications where member_id in (?, ?) and kind <> 'welcome'",
                winner, seller)).isZero();
        assertThat(count("select count(*) from mail_outbox where member_id in (?, ?) and kind <> 'welcome'",
                winner, seller)).isZero();
    }

    @Test
    void theWinAndTheSaleAreToldOnceThePaymentCompleted() {
        UUID buyer = newMember("en");
        UUID seller = newMember("ko");
        UUID lot = UUID.randomUUID();

        publish(Topics.AUCTION_EVENTS, new LotClosed(lot, seller, LotClosed.SOLD, buyer, 1_000_000L,
                UUID.randomUUID(), 3, Instant.now()));
        publish(Topics.PAYMENT_EVENTS, new AuctionPaymentCompleted(UUID.randomUUID(), lot, buyer, seller, 1_000_000,
                150_000, 1_150_000, Instant.now()));

        MimeMessage won = awaitMails(buyer, "You won the lot: KRW 1,150,000 paid", 1).get(0);
        assertThat(Mails.text(won)).contains("hammer price of KRW 1,000,000").contains("KRW 150,000");
        assertThat(Mails.header(won, "List-Unsubscribe")).isNull();
        awaitMails(seller, "출품작이 1,000,000원에 판매되었습니다", 1);
    }

    @Test
    void aFailedPaymentTellsTheBuyerAndTheSellerAndNoWin() {
        UUID buyer = newMember("ko");
        UUID seller = newMember("en");
        UUID lot = UUID.randomUUID();

        publish(Topics.PAYMENT_EVENTS, new AuctionPaymentFailed(UUID.randomUUID(), lot, buyer, seller, 230_000,
                "INSUFFICIENT_FUNDS", Instant.now()));

        MimeMessage failed = awaitMails(buyer, "낙찰 대금 230,000원 결제에 실패했습니다", 1).get(0);
        assertThat(Mails.header(failed, "List-Unsubscribe")).isNull();
        awaitMails(seller, "The buyer of your lot did not pay", 1);
        assertThat(count("select count(*) from notifications where member_id = ? and kind = 'lot-won'", buyer))
                .isZero();
    }

    @Test
    void secondChanceOfferTellsTheRunnerUpThePriceAndDeadline() {
        UUID runnerUp = newMember("en");

        publish(Topics.PAYMENT_EVENTS, new SecondChanceOffered(UUID.randomUUID(), UUID.randomUUID(), runnerUp,
                UUID.randomUUID(), 800_000, Instant.parse("2026-11-22T03:00:00Z"), Instant.now()));

        MimeMessage mail = awaitMails(runnerUp, "A second chance: the lot is yours for KRW 800,000", 1).get(0);
        assertThat(Mails.text(mail)).contains("until 2026-11-22 12:00 (KST)");
    }

    @Test
    void reserveNotMetTellsTheSeller() {
        UUID seller = newMember("ko");

        publish(Topics.AUCTION_EVENTS, new LotClosed(UUID.randomUUID(), seller, LotClosed.RESERVE_NOT_MET, null,
                null, null, 4, Instant.now()));

        MimeMessage mail = awaitMails(seller, "출품작이 최저 낙찰가에 이르지 못했습니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("응찰 4건");
    }

    @Test
    void unsoldTellsTheSeller() {
        UUID seller = newMember("en");

        publish(Topics.AUCTION_EVENTS, new LotClosed(UUID.randomUUID(), seller, LotClosed.UNSOLD, null, null, null,
                0, Instant.now()));

        awaitMails(seller, "Your lot closed without bids", 1);
    }
}
