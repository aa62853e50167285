package dev.moa.notifications.money;

import dev.moa.events.Topics;
import dev.moa.events.money.DuesDue;
import dev.moa.notifications.Mails;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.as;
import static dev.moa.notifications.NotificationsApi.awaitHandled;
import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.count;
import static dev.moa.notifications.NotificationsApi.newGroup;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.preference;
import static dev.moa.notifications.NotificationsApi.publish;
import static dev.moa.notifications.NotificationsApi.withSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Money's DuesDue reminds the member (GROUP, switchable) of the amount and the day their dues are collected. */
@QuarkusTest
class DuesDueNoticeTest {

    private static final LocalDate DUE = LocalDate.parse("2026-12-20");

    @Test
    void memberIsRemindedInKoreanWithAmountDayAndAnUnsubscribeLink() {
        UUID owner = newMember("en");
        UUID member = newMember("ko");
        UUID group = newGroup(owner, "등산 모임");

        publish(Topics.MONEY_EVENTS, new DuesDue(group, member, "2026-12", 30_000, DUE, Instant.now()));

        MimeMessage mail = awaitMails(member, "등산 모임 2026-12 회비가 2026-12-20에 납부됩니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("회비 30,000원이 2026-12-20(한국 시간)에 지갑에서 납부됩니다");
        assertThat(Mails.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8086/notifications/");
    }

    @Test
    void memberIsRemindedInEnglishAndFindsItInTheFeed() {
        UUID owner = newMember("en");
        UUID member = newMember("en");
        UUID group = newGroup(owner, "Hiking club");

        publish(Topics.MONEY_EVENTS, new DuesDue(group, member, "2026-12", 30_000, DUE, Instant.now()));

        MimeMessage mail = awaitMails(member, "Your 2026-12 dues to Hiking club are collected on 2026-12-20", 1).get(0);
        assertThat(Mails.html(mail)).contains("<strong>KRW 30,000</strong>");
        as(member).get("/notifications/me").then().statusCode(200)
                .body("items.find { it.kind == 'dues-due' }.ref", equalTo(group.toString()))
                .body("items.find { it.kind == 'dues-due' }.category", equalTo("GROUP"));
    }

    @Test
    void redeliveredReminderSendsOneMail() {
        UUID owner = newMember("en");
        UUID member = newMember("en");
        UUID group = newGroup(owner, "Choir");
        DuesDue due = new DuesDue(group, member, "2026-12", 5_000, DUE, Instant.now());
        String eventId = UUID.randomUUID().toString();

        publish(Topics.MONEY_EVENTS, due, eventId);
        publish(Topics.MONEY_EVENTS, due, eventId);
        // Same group, so the same partition: handled after both copies above.
        awaitHandled(publish(Topics.MONEY_EVENTS, new DuesDue(group, owner, "2026-12", 5_000, DUE, Instant.now())));

        awaitMails(member, "Your 2026-12 dues to Choir", 1);
        assertThat(withSubject(member, "Your 2026-12 dues to Choir")).hasSize(1);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = 'dues-due'", member))
                .isEqualTo(1);
    }

    @Test
    void memberWithGroupMailOffGetsOnlyTheFeedEntry() {
        UUID owner = newMember("en");
        UUID member = newMember("en");
        UUID group = newGroup(owner, "Tennis");
        preference(member, "GROUP", false, true);

        awaitHandled(publish(Topics.MONEY_EVENTS, new DuesDue(group, member, "2026-12", 5_000, DUE,
                Instant.now())));

        assertThat(count("select count(*) from notifications where member_id = ? and kind = 'dues-due'", member))
                .isEqualTo(1);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = 'dues-due'", member))
                .isZero();
    }
}
