package dev.moa.notifications.subscriber;

import dev.moa.events.Topics;
import dev.moa.events.payment.PlanPriceChanged;
import dev.moa.events.payment.SubscriptionCanceled;
import dev.moa.events.payment.SubscriptionRenewed;
import dev.moa.events.payment.SubscriptionStarted;
import dev.moa.notifications.Mails;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A plan's new price is told to each active subscriber, from notifications' own copy of subscriptions (the tests run
 * with a page of 2 subscribers, so that a fan-out takes several pages).
 */
@QuarkusTest
class PlanPriceChangeNoticeTest {

    /** 2026-12-21 00:00 in Seoul. */
    private static final Instant NEXT_PERIOD = Instant.parse("2026-12-20T15:00:00Z");
    private static final String SUBJECT_EN = "Your subscription's price changes to KRW 12,900";
    private static final String KIND = "plan-price-changed-subscriber";

    @Test
    void activeSubscriberIsToldBothPricesAndTheDateOfTheNextChargeWithAnUnsubscribeLink() {
        UUID seller = newMember("en");
        UUID plan = UUID.randomUUID();
        UUID subscriber = newMember("en");
        subscribe(plan, seller, subscriber);

        publish(Topics.PAYMENT_EVENTS, priceChange(plan, seller));

        MimeMessage mail = awaitMails(subscriber, SUBJECT_EN, 1).get(0);
        assertThat(Mails.text(mail)).contains("from KRW 9,900 to KRW 12,900")
                .contains("it is charged on 2026-12-21 00:00 (KST)").contains("The period you already paid keeps");
        assertThat(Mails.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8086/notifications/");
    }

    @Test
    void subscriberReadsItInKoreanAndFindsItInTheFeed() {
        UUID seller = newMember("en");
        UUID plan = UUID.randomUUID();
        UUID subscriber = newMember("ko");
        subscribe(plan, seller, subscriber);

        publish(Topics.PAYMENT_EVENTS, priceChange(plan, seller));

        MimeMessage mail = awaitMails(subscriber, "구독 요금이 12,900원으로 바뀝니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("9,900원에서 12,900원으로").contains("2026-12-21 00:00(한국 시간)에 결제됩니다");
        as(subscriber).get("/notifications/me").then().statusCode(200)
                .body("items.find { it.kind == '" + KIND + "' }.ref", equalTo(plan.toString()))
                .body("items.find { it.kind == '" + KIND + "' }.category", equalTo("SUBSCRIPTION"));
    }

    @Test
    void everyActiveSubscriberIsToldOnceAcrossSeveralPages() {
        UUID seller = newMember("en");
        UUID plan = UUID.randomUUID();
        List<UUID> subscribers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID subscriber = newMember("en");
            subscribe(plan, seller, subscriber);
            subscribers.add(subscriber);
        }

        String eventId = publish(Topics.PAYMENT_EVENTS, priceChange(plan, seller));

        awaitHandled(eventId);
        await().atMost(NotificationsApi.WAIT).until(() -> count(
                "select count(*) from price_change_fanouts where plan_id = ? and done", plan) == 1);
        for (UUID subscriber : subscribers) {
            awaitMails(subscriber, SUBJECT_EN, 1);
            assertThat(count("select count(*) from notifications where member_id = ? and kind = ?", subscriber, KIND))
                    .isEqualTo(1);
        }
    }

    @Test
    void canceledSubscriberAndAnotherPlansSubscriberAreNotTold() {
        UUID seller = newMember("en");
        UUID plan = UUID.randomUUID();
        UUID staying = newMember("en");
        UUID leaving = newMember("en");
        UUID elsewhere = newMember("en");
        subscribe(plan, seller, staying);
        UUID subscription = subscribe(plan, seller, leaving);
        subscribe(UUID.randomUUID(), seller, elsewhere);
        awaitHandled(publish(Topics.PAYMENT_EVENTS, new SubscriptionCanceled(subscription, plan, leaving,
                SubscriptionCanceled.MEMBER, Instant.now(), Instant.now())));

        publish(Topics.PAYMENT_EVENTS, priceChange(plan, seller));

        awaitMails(staying, SUBJECT_EN, 1);
        await().atMost(NotificationsApi.WAIT).until(() -> count(
                "select count(*) from price_change_fanouts where plan_id = ? and done", plan) == 1);
        assertThat(count("select count(*) from notifications where member_id in (?, ?) and kind = ?", leaving,
                elsewhere, KIND)).isZero();
    }

    @Test
    void redeliveredPriceChangeTellsEachSubscriberOnce() {
        UUID seller = newMember("en");
        UUID plan = UUID.randomUUID();
        UUID subscriber = newMember("en");
        subscribe(plan, seller, subscriber);
        PlanPriceChanged change = priceChange(plan, seller);
        String eventId = UUID.randomUUID().toString();

        publish(Topics.PAYMENT_EVENTS, change, eventId);
        publish(Topics.PAYMENT_EVENTS, change, eventId);
        // The same change again under a new id, as a relay that lost its mark would send it: still one fan-out.
        awaitHandled(publish(Topics.PAYMENT_EVENTS, change));

        awaitMails(subscriber, SUBJECT_EN, 1);
        await().atMost(NotificationsApi.WAIT).until(() -> count(
                "select count(*) from price_change_fanouts where plan_id = ? and done", plan) == 1);
        assertThat(withSubject(subscriber, SUBJECT_EN)).hasSize(1);
        assertThat(count("select count(*) from price_change_fanouts where plan_id = ?", plan)).isEqualTo(1);
    }

    @Test
    void subscriberWithSubscriptionMailOffGetsOnlyTheFeedEntry() {
        UUID seller = newMember("en");
        UUID plan = UUID.randomUUID();
        UUID subscriber = newMember("en");
        subscribe(plan, seller, subscriber);
        preference(subscriber, "SUBSCRIPTION", false, true);

        publish(Topics.PAYMENT_EVENTS, priceChange(plan, seller));

        await().atMost(NotificationsApi.WAIT).until(() -> count(
                "select count(*) from notifications where member_id = ? and kind = ?", subscriber, KIND) == 1);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = ?", subscriber, KIND))
                .isZero();
    }

    @Test
    void memberWithTwoSubscriptionsToThePlanIsToldOnce() {
        UUID seller = newMember("en");
        UUID plan = UUID.randomUUID();
        UUID subscriber = newMember("en");
        subscribe(plan, seller, subscriber);
        subscribe(plan, seller, subscriber);

        publish(Topics.PAYMENT_EVENTS, priceChange(plan, seller));

        awaitMails(subscriber, SUBJECT_EN, 1);
        await().atMost(NotificationsApi.WAIT).until(() -> count(
                "select count(*) from price_change_fanouts where plan_id = ? and done", plan) == 1);
        assertThat(count("select count(*) from notifications where member_id = ? and kind = ?", subscriber, KIND))
                .isEqualTo(1);
    }

    /** A subscription that started and paid its first period, until {@link #NEXT_PERIOD}; its id. */
    private static UUID subscribe(UUID plan, UUID seller, UUID subscriber) {
        UUID subscription = UUID.randomUUID();
        Instant start = NEXT_PERIOD.minusSeconds(30L * 24 * 3600);
        publish(Topics.PAYMENT_EVENTS, new SubscriptionStarted(subscription, plan, subscriber, seller, 9_900,
                "MONTHLY", null, start, start));
        awaitHandled(publish(Topics.PAYMENT_EVENTS, new SubscriptionRenewed(subscription, plan, subscriber, seller,
                9_900, start, NEXT_PERIOD, start)));
        return subscription;
    }

    private static PlanPriceChanged priceChange(UUID plan, UUID seller) {
        return new PlanPriceChanged(plan, seller, 9_900, 12_900, NEXT_PERIOD.minusSeconds(7L * 24 * 3600));
    }
}
