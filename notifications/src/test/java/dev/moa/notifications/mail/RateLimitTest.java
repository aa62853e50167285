package dev.moa.notifications.mail;

import dev.moa.events.Topics;
import dev.moa.events.money.TopUpCompleted;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.count;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A per-recipient rate limit on switchable mails (5 per hour in tests); receipts are never held back. */
@QuarkusTest
class RateLimitTest {

    @Test
    void mailsBeyondTheLimitAreSuppressedButStillInTheFeedAndReceiptsStillGo() {
        UUID sender = newMember("ko");
        UUID receiver = newMember("en");

        for (int i = 1; i <= 7; i++) {
            publish(Topics.MONEY_EVENTS, MailDeliveryTest.remittance(sender, receiver, i, "spam " + i));
        }
        await().atMost(NotificationsApi.WAIT).until(() -> count("select count(*) from notifications "
                + "where member_id = ? and kind = 'remittance-received'", receiver) == 7);
        publish(Topics.MONEY_EVENTS, new TopUpCompleted(UUID.randomUUID(), receiver, UUID.randomUUID(),
                UUID.randomUUID(), 9_000, UUID.randomUUID(), Instant.now()));

        awaitMails(receiver, "Top-up of KRW 9,000 completed", 1);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = 'remittance-received' "
                + "and status <> 'SUPPRESSED'", receiver)).isEqualTo(5);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = 'remittance-received' "
                + "and status = 'SUPPRESSED'", receiver)).isEqualTo(2);
        assertThat(awaitMails(receiver, "sent you KRW", 5)).hasSize(5);
    }
}
