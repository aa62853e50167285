package dev.moa.notifications.mail;

import dev.moa.events.Topics;
import dev.moa.events.membership.MemberRegistered;
import dev.moa.events.money.TopUpCompleted;
import dev.moa.events.money.TopUpFailed;
import dev.moa.events.money.TransferPosted;
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

/** Mails through a real SMTP server: content, locale, unsubscribe headers, exactly once per event. */
@QuarkusTest
class MailDeliveryTest {

    @Test
    void welcomeMailIsKoreanForAKoreanMemberAndCannotBeUnsubscribed() {
        UUID member = newMember("ko");

        MimeMessage mail = awaitMails(member, "Moa에 오신 것을 환영합니다", 1).get(0);

        assertThat(Mails.text(mail)).contains(NotificationsApi.nameOf(member) + "님, 안녕하세요.")
                .contains("Moa 회원이 되신 것을 환영합니다.").contains("수신 거부할 수 없습니다");
        assertThat(Mails.html(mail)).contains("<p>Moa 회원이 되신 것을 환영합니다.</p>").contains("lang=\"ko\"");
        assertThat(Mails.header(mail, "List-Unsubscribe")).isNull();
        assertThat(Mails.header(mail, "From")).contains("no-reply@moa.local");
    }

    @Test
    void welcomeMailIsEnglishForAnEnglishMember() {
        UUID member = newMember("en");

        MimeMessage mail = awaitMails(member, "Welcome to Moa", 1).get(0);

        assertThat(Mails.text(mail)).startsWith("Hello " + NotificationsApi.nameOf(member) + ",")
                .contains("cannot be switched off");
        assertThat(Mails.html(mail)).contains("lang=\"en\"");
    }

    @Test
    void remittanceMailNamesSenderAndAmountAndCarriesOneClickUnsubscribe() {
        UUID sender = newMember("ko");
        UUID receiver = newMember("ko");

        publish(Topics.MONEY_EVENTS, remittance(sender, receiver, 12_345, "for the <b>tickets</b>"));

        MimeMessage mail = awaitMails(receiver, "원을 보냈습니다", 1).get(0);
        assertThat(Mails.subject(mail)).isEqualTo(NotificationsApi.nameOf(sender) + "님이 12,345원을 보냈습니다");
        String link = Mails.header(mail, "List-Unsubscribe");
        assertThat(link).matches("<http://localhost:8086/notifications/unsubscribe\\?token=[A-Za-z0-9_%.-]+>");
        assertThat(Mails.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String url = link.substring(1, link.length() - 1);
        assertThat(Mails.text(mail)).contains(url).contains("12,345원");
        assertThat(Mails.html(mail)).contains("href=\"" + url + "\"");
        // The memo is the sender's free text: in the app, never in a mail.
        assertThat(Mails.text(mail) + Mails.html(mail)).doesNotContain("tickets");
    }

    @Test
    void redeliveredEventSendsOneMailAndOneFeedEntry() {
        UUID member = newMember("en");
        UUID topUp = UUID.randomUUID();
        TopUpCompleted completed = new TopUpCompleted(topUp, member, UUID.randomUUID(), UUID.randomUUID(), 50_000,
                UUID.randomUUID(), Instant.now());
        String eventId = UUID.randomUUID().toString();

        publish(Topics.MONEY_EVENTS, completed, eventId);
        publish(Topics.MONEY_EVENTS, completed, eventId);
        // Same subject, so the same partition: handled after both copies above.
        publish(Topics.MONEY_EVENTS, new TopUpFailed(topUp, member, UUID.randomUUID(), 1, "DECLINED", null,
                Instant.now()));

        awaitMails(member, "Top-up of KRW 1 failed", 1);
        await().atMost(NotificationsApi.WAIT).until(() -> count(
                "select count(*) from mail_outbox where member_id = ? and status = 'PENDING'", member) == 0);
        assertThat(NotificationsApi.withSubject(member, "Top-up of KRW 50,000 completed")).hasSize(1);
        assertThat(count("select count(*) from notifications where member_id = ? and kind = 'top-up-completed'",
                member)).isEqualTo(1);
    }

    @Test
    void mailForAMemberNotYetKnownWaitsForTheirRecipientCopy() {
        UUID member = UUID.randomUUID();
        publish(Topics.MONEY_EVENTS, new TopUpCompleted(UUID.randomUUID(), member, UUID.randomUUID(),
                UUID.randomUUID(), 4_000, UUID.randomUUID(), Instant.now()));
        await().atMost(NotificationsApi.WAIT).until(() -> count("select count(*) from mail_outbox where member_id = ? "
                + "and status = 'PENDING' and last_error = 'recipient not known yet'", member) == 1);

        publish(Topics.MEMBERSHIP_EVENTS, new MemberRegistered(member, NotificationsApi.emailOf(member), "Lee",
                "BUSAN", "en", Instant.now()));

        MimeMessage mail = awaitMails(member, "Top-up of KRW 4,000 completed", 1).get(0);
        assertThat(Mails.text(mail)).startsWith("Hello Lee,");
    }

    static TransferPosted remittance(UUID from, UUID to, long amount, String memo) {
        return new TransferPosted(UUID.randomUUID(), UUID.randomUUID(), from, UUID.randomUUID(), to, amount, "KRW",
                "REMITTANCE", null, memo, Instant.now());
    }
}
