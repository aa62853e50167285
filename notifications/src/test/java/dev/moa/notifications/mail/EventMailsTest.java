package dev.moa.notifications.mail;

import dev.moa.events.Topics;
import dev.moa.events.banking.BankAccountLinked;
import dev.moa.events.banking.BankAccountUnlinked;
import dev.moa.events.membership.SellerApproved;
import dev.moa.events.money.DuesCollected;
import dev.moa.events.money.DuesUnpaid;
import dev.moa.events.money.TopUpCompleted;
import dev.moa.events.money.TopUpFailed;
import dev.moa.events.money.TransferPosted;
import dev.moa.events.money.WithdrawalCompleted;
import dev.moa.events.money.WithdrawalFailed;
import dev.moa.notifications.Mails;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.newGroup;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publish;
import static org.assertj.core.api.Assertions.assertThat;

/** Each event that proves something tells the right member the right thing, in their locale. */
@QuarkusTest
class EventMailsTest {

    @Test
    void topUpCompletedIsAReceiptWithoutUnsubscribe() {
        UUID member = newMember("ko");

        publish(Topics.MONEY_EVENTS, new TopUpCompleted(UUID.randomUUID(), member, UUID.randomUUID(),
                UUID.randomUUID(), 1_500_000, UUID.randomUUID(), Instant.now()));

        MimeMessage mail = awaitMails(member, "1,500,000원 충전이 완료되었습니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("연결된 은행 계좌에서 1,500,000원이 지갑에 충전되었습니다.");
        assertThat(Mails.header(mail, "List-Unsubscribe")).isNull();
    }

    @Test
    void topUpFailedSaysWhyAndThatNothingWasTaken() {
        UUID member = newMember("en");

        publish(Topics.MONEY_EVENTS, new TopUpFailed(UUID.randomUUID(), member, UUID.randomUUID(), 30_000,
                "DECLINED", "the bank declined the transfer", Instant.now()));

        MimeMessage mail = awaitMails(member, "Top-up of KRW 30,000 failed", 1).get(0);
        assertThat(Mails.text(mail)).contains("(the bank declined the transfer)").contains("Nothing was taken");
    }

    @Test
    void withdrawalCompletedIsAReceipt() {
        UUID member = newMember("en");

        publish(Topics.MONEY_EVENTS, new WithdrawalCompleted(UUID.randomUUID(), member, UUID.randomUUID(),
                UUID.randomUUID(), 70_000, UUID.randomUUID(), Instant.now()));

        MimeMessage mail = awaitMails(member, "Withdrawal of KRW 70,000 completed", 1).get(0);
        assertThat(Mails.html(mail)).contains("<strong>KRW 70,000</strong>");
    }

    @Test
    void withdrawalFailedSaysTheMoneyStayed() {
        UUID member = newMember("ko");

        publish(Topics.MONEY_EVENTS, new WithdrawalFailed(UUID.randomUUID(), member, UUID.randomUUID(), 8_000,
                "ACCOUNT_CLOSED", null, Instant.now()));

        MimeMessage mail = awaitMails(member, "8,000원 출금에 실패했습니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("금액은 지갑에 그대로 있습니다.");
    }

    @Test
    void duesCollectedNamesTheGroupAndMonth() {
        UUID owner = newMember("ko");
        UUID member = newMember("en");
        UUID group = newGroup(owner, "Hiking club");

        publish(Topics.MONEY_EVENTS, new DuesCollected(group, member, "2026-11", 10_000, UUID.randomUUID(),
                Instant.now()));

        awaitMails(member, "Dues of KRW 10,000 paid to Hiking club for 2026-11", 1);
    }

    @Test
    void duesUnpaidCarriesAnUnsubscribeLink() {
        UUID owner = newMember("ko");
        UUID member = newMember("ko");
        UUID group = newGroup(owner, "독서 모임");

        publish(Topics.MONEY_EVENTS, new DuesUnpaid(group, member, "2026-11", 20_000, Instant.now()));

        MimeMessage mail = awaitMails(member, "독서 모임 2026-11 회비를 납부하지 못했습니다", 1).get(0);
        assertThat(Mails.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8086/notifications/");
    }

    @Test
    void remittanceToAGroupTellsItsManagersButNotTheSender() {
        UUID owner = newMember("en");
        UUID treasurer = newMember("ko");
        UUID member = newMember("en");
        UUID group = newGroup(owner, "Book club");
        NotificationsApi.join(group, treasurer, "TREASURER");
        NotificationsApi.join(group, member, "MEMBER");

        publish(Topics.MONEY_EVENTS, new TransferPosted(UUID.randomUUID(), UUID.randomUUID(), treasurer,
                UUID.randomUUID(), group, 5_000, "KRW", "REMITTANCE", null, null, Instant.now()));
        publish(Topics.MONEY_EVENTS, new TransferPosted(UUID.randomUUID(), UUID.randomUUID(), member,
                UUID.randomUUID(), group, 6_000, "KRW", "REMITTANCE", null, null, Instant.now()));

        awaitMails(owner, "KRW 6,000 arrived in Book club's wallet", 1);
        awaitMails(treasurer, "Book club 지갑에 6,000원이 입금되었습니다", 1);
        awaitMails(owner, "KRW 5,000 arrived in Book club's wallet", 1);
        // Both events are handled (the owner got both); the sender and a plain member were told nothing.
        assertThat(NotificationsApi.count("select count(*) from mail_outbox where member_id = ? "
                + "and kind = 'group-remittance-received'", treasurer)).isEqualTo(1);
        assertThat(NotificationsApi.count("select count(*) from notifications where member_id = ? "
                + "and kind = 'group-remittance-received'", member)).isZero();
    }

    @Test
    void payoutFromAGroupNamesTheGroupAsSender() {
        UUID owner = newMember("ko");
        UUID member = newMember("en");
        UUID group = newGroup(owner, "Choir");

        publish(Topics.MONEY_EVENTS, new TransferPosted(UUID.randomUUID(), UUID.randomUUID(), group,
                UUID.randomUUID(), member, 3_000, "KRW", "PAYOUT", null, "snacks", Instant.now()));

        awaitMails(member, "Choir sent you KRW 3,000", 1);
    }

    @Test
    void groupJoinedTellsWhoJoined() {
        UUID owner = newMember("ko");
        UUID member = newMember("ko");
        UUID group = newGroup(owner, "Photo walk");

        NotificationsApi.join(group, member, "MEMBER");

        awaitMails(member, "Photo walk에 가입했습니다", 1);
    }

    @Test
    void sellerApprovedIsAnAccountNotice() {
        UUID member = newMember("en");

        publish(Topics.MEMBERSHIP_EVENTS, new SellerApproved(member, "Gallery Seoul", UUID.randomUUID(),
                Instant.now()));

        MimeMessage mail = awaitMails(member, "You are now a seller on Moa", 1).get(0);
        assertThat(Mails.text(mail)).contains("Gallery Seoul");
        assertThat(Mails.header(mail, "List-Unsubscribe")).isNull();
    }

    @Test
    void bankAccountLinkedIsASecurityNoticeShowingOnlyTheLastFourDigits() {
        UUID member = newMember("ko");

        publish(Topics.BANKING_EVENTS, new BankAccountLinked(UUID.randomUUID(), member, "004", "1234567890",
                Instant.now()));

        MimeMessage mail = awaitMails(member, "은행 계좌가 연결되었습니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("****7890").doesNotContain("123456");
        assertThat(Mails.header(mail, "List-Unsubscribe")).isNull();
    }

    @Test
    void bankAccountUnlinkedIsASecurityNotice() {
        UUID member = newMember("en");

        publish(Topics.BANKING_EVENTS, new BankAccountUnlinked(UUID.randomUUID(), member, Instant.now()));

        awaitMails(member, "A bank account was removed from your Moa account", 1);
    }
}
