package dev.moa.notifications.mail;

import dev.moa.events.Topics;
import dev.moa.events.money.TopUpCompleted;
import dev.moa.notifications.MailServerResource;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.count;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The SMTP server goes away and comes back: the mail is retried with back-off and delivered once, later. */
@QuarkusTest
class SmtpOutageTest {

    @AfterEach
    void smtpIsBack() {
        if (MailServerResource.server().getSmtp() == null || !MailServerResource.server().getSmtp().isRunning()) {
            MailServerResource.startServer();
        }
    }

    @Test
    void mailQueuedWhileSmtpIsDownIsDeliveredOnceItIsBack() {
        UUID member = newMember("en");
        awaitMails(member, "Welcome to Moa", 1);

        MailServerResource.stopServer();
        publish(Topics.MONEY_EVENTS, new TopUpCompleted(UUID.randomUUID(), member, UUID.randomUUID(),
                UUID.randomUUID(), 25_000, UUID.randomUUID(), Instant.now()));
        await().atMost(NotificationsApi.WAIT).until(() -> count("select count(*) from mail_outbox where member_id = ? "
                + "and kind = 'top-up-completed' and status = 'PENDING' and attempts >= 2 and last_error is not null",
                member) == 1);

        MailServerResource.startServer();

        awaitMails(member, "Top-up of KRW 25,000 completed", 1);
        await().atMost(NotificationsApi.WAIT).until(() -> count("select count(*) from mail_outbox where member_id = ? "
                + "and kind = 'top-up-completed' and status = 'SENT'", member) == 1);
        assertThat(NotificationsApi.withSubject(member, "Top-up of KRW 25,000 completed")).hasSize(1);
    }
}
