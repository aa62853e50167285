package dev.moa.notifications.mail;

import dev.moa.events.Topics;
import dev.moa.events.payment.PaymentCompleted;
import dev.moa.events.payment.PaymentRefunded;
import dev.moa.events.payment.PlanPriceChanged;
import dev.moa.events.payment.SettlementPaid;
import dev.moa.events.payment.SubscriptionCanceled;
import dev.moa.events.payment.SubscriptionPastDue;
import dev.moa.events.payment.SubscriptionPaymentFailed;
import dev.moa.events.payment.SubscriptionRenewed;
import dev.moa.events.payment.SubscriptionStarted;
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

/** Payments, settlements and subscriptions: receipts (no unsubscribe) to the member whose money moved. */
@QuarkusTest
class PaymentMailsTest {

    private static final Instant PERIOD_END = Instant.parse("2026-12-20T15:00:00Z");

    @Test
    void paymentCompletedIsAReceiptWithoutUnsubscribe() {
        UUID payer = newMember("ko");

        publish(Topics.PAYMENT_EVENTS, new PaymentCompleted(UUID.randomUUID(), UUID.randomUUID(), payer, 42_000,
                "A-1001", Instant.now()));

        MimeMessage mail = awaitMails(payer, "영수증: 42,000원을 결제했습니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("(주문 A-1001)");
        assertThat(Mails.html(mail)).contains("<strong>42,000원</strong>");
        assertThat(Mails.header(mail, "List-Unsubscribe")).isNull();
    }

    @Test
    void refundIsAReceipt() {
        UUID payer = newMember("en");

        publish(Topics.PAYMENT_EVENTS, new PaymentRefunded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                payer, 12_000, 20_000, Instant.now()));

        MimeMessage mail = awaitMails(payer, "Refund: KRW 12,000 returned to your wallet", 1).get(0);
        assertThat(Mails.text(mail)).contains("KRW 20,000 refunded of that payment in all");
        assertThat(Mails.header(mail, "List-Unsubscribe")).isNull();
    }

    @Test
    void settlementToASellerIsAReceipt() {
        UUID seller = newMember("en");

        publish(Topics.PAYMENT_EVENTS, new SettlementPaid(UUID.randomUUID(), "SELLER", seller, 3, 1_000_000, 100_000,
                900_000, Instant.now()));

        MimeMessage mail = awaitMails(seller, "Settlement: KRW 900,000 paid to you", 1).get(0);
        assertThat(Mails.text(mail)).contains("3 sale(s)").contains("less KRW 100,000 in fees");
    }

    @Test
    void settlementToAMerchantTellsNoMember() {
        UUID merchant = newMember("en");

        String paid = publish(Topics.PAYMENT_EVENTS, new SettlementPaid(UUID.randomUUID(), "MERCHANT", merchant, 1,
                10_000, 1_000, 9_000, Instant.now()));

        await().atMost(NotificationsApi.WAIT).until(() -> count(
                "select count(*) from moa_inbox where consumer = 'notifications' and event_id = ?", paid) == 1);
        assertThat(count("select count(*) from notifications where member_id = ? and kind = 'settlement-paid'",
                merchant)).isZero();
    }

    @Test
    void subscriptionStartedNamesThePeriodInTheMembersLanguage() {
        UUID subscriber = newMember("ko");

        publish(Topics.PAYMENT_EVENTS, new SubscriptionStarted(UUID.randomUUID(), UUID.randomUUID(), subscriber,
                UUID.randomUUID(), 9_900, "MONTHLY", null, Instant.parse("2026-11-21T00:00:00Z"), Instant.now()));

        MimeMessage mail = awaitMails(subscriber, "구독이 시작되었습니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("요금은 매월 9,900원입니다.").contains("2026-11-21 09:00");
        assertThat(Mails.header(mail, "List-Unsubscribe")).isNull();
    }

    @Test
    void subscriptionRenewedIsAReceiptWithTheNewPeriodEnd() {
        UUID subscriber = newMember("en");

        publish(Topics.PAYMENT_EVENTS, new SubscriptionRenewed(UUID.randomUUID(), UUID.randomUUID(), subscriber,
                UUID.randomUUID(), 9_900, Instant.now(), PERIOD_END, Instant.now()));

        MimeMessage mail = awaitMails(subscriber, "Subscription renewed: KRW 9,900 paid", 1).get(0);
        assertThat(Mails.text(mail)).contains("until 2026-12-21 00:00 (KST)");
    }

    @Test
    void subscriptionPaymentFailedSaysWhenItIsTriedAgain() {
        UUID subscriber = newMember("en");

        publish(Topics.PAYMENT_EVENTS, new SubscriptionPaymentFailed(UUID.randomUUID(), UUID.randomUUID(),
                subscriber, 9_900, Instant.now(), 1, "INSUFFICIENT_FUNDS", PERIOD_END, Instant.now()));

        MimeMessage mail = awaitMails(subscriber, "Subscription payment of KRW 9,900 failed", 1).get(0);
        assertThat(Mails.text(mail)).contains("(INSUFFICIENT_FUNDS)").contains("tried again on 2026-12-21 00:00");
    }

    @Test
    void subscriptionPastDueWarnsOfCancellation() {
        UUID subscriber = newMember("ko");

        publish(Topics.PAYMENT_EVENTS, new SubscriptionPastDue(UUID.randomUUID(), UUID.randomUUID(), subscriber,
                9_900, Instant.now(), 3, Instant.now()));

        MimeMessage mail = awaitMails(subscriber, "구독 요금이 연체되었습니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("3회 시도했지만");
    }

    @Test
    void subscriptionCanceledForNonPaymentSaysSo() {
        UUID subscriber = newMember("en");

        publish(Topics.PAYMENT_EVENTS, new SubscriptionCanceled(UUID.randomUUID(), UUID.randomUUID(), subscriber,
                SubscriptionCanceled.UNPAID, PERIOD_END, Instant.now()));

        MimeMessage mail = awaitMails(subscriber, "Your subscription was canceled", 1).get(0);
        assertThat(Mails.text(mail)).contains("because its payment stayed unpaid");
        assertThat(Mails.header(mail, "List-Unsubscribe")).isNull();
    }

    @Test
    void planPriceChangeTellsTheSellerWithAnUnsubscribeLink() {
        UUID seller = newMember("en");

        publish(Topics.PAYMENT_EVENTS, new PlanPriceChanged(UUID.randomUUID(), seller, 9_900, 12_900,
                Instant.now()));

        MimeMessage mail = awaitMails(seller, "Your plan's price is now KRW 12,900", 1).get(0);
        assertThat(Mails.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8086/notifications/");
    }
}
