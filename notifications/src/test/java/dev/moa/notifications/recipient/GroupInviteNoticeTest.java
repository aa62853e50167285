package dev.moa.notifications.recipient;

import dev.moa.events.Topics;
import dev.moa.events.membership.GroupInviteSent;
import dev.moa.notifications.Mails;
import dev.moa.notifications.NotificationsApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
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

/** A personal invitation tells the invitee (GROUP) at the address notifications keeps for them; joining is told too. */
@QuarkusTest
class GroupInviteNoticeTest {

    /** 2026-11-28 18:00 in Seoul. */
    private static final Instant EXPIRES = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void inviteeIsToldInKoreanAtTheirOwnAddressWithAnUnsubscribeLink() {
        UUID inviter = newMember("en");
        UUID invitee = newMember("ko");
        UUID group = newGroup(inviter, "토요 등산 모임");

        publish(Topics.MEMBERSHIP_EVENTS, sent(group, "토요 등산 모임", inviter, "김민지", invitee, UUID.randomUUID()));

        MimeMessage mail = awaitMails(invitee, "김민지님이 토요 등산 모임에 초대했습니다", 1).get(0);
        assertThat(Mails.text(mail)).contains("코드 없이 가입됩니다").contains("2026-11-28 18:00(한국 시간)까지");
        assertThat(Mails.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8086/notifications/");
        assertThat(NotificationsApi.mailsTo(invitee)).allSatisfy(m -> assertThat(m.getAllRecipients())
                .extracting(Object::toString).containsExactly(NotificationsApi.emailOf(invitee)));
    }

    @Test
    void inviteeFindsTheInvitationIdInTheFeed() {
        UUID inviter = newMember("en");
        UUID invitee = newMember("en");
        UUID group = newGroup(inviter, "Book club");
        UUID invitation = UUID.randomUUID();

        awaitHandled(publish(Topics.MEMBERSHIP_EVENTS, sent(group, "Book club", inviter, "Ann", invitee,
                invitation)));

        as(invitee).get("/notifications/me").then().statusCode(200)
                .body("items.find { it.kind == 'group-invite' }.ref", equalTo(invitation.toString()))
                .body("items.find { it.kind == 'group-invite' }.title", equalTo("Ann invited you to Book club"))
                .body("items.find { it.kind == 'group-invite' }.category", equalTo("GROUP"));
        awaitMails(invitee, "Ann invited you to Book club", 1);
    }

    @Test
    void redeliveredInvitationSendsOneMail() {
        UUID inviter = newMember("en");
        UUID invitee = newMember("en");
        UUID group = newGroup(inviter, "Choir");
        GroupInviteSent invite = sent(group, "Choir", inviter, "Ann", invitee, UUID.randomUUID());
        String eventId = UUID.randomUUID().toString();

        publish(Topics.MEMBERSHIP_EVENTS, invite, eventId);
        publish(Topics.MEMBERSHIP_EVENTS, invite, eventId);
        // Same group, so the same partition: handled after both copies above.
        awaitHandled(publish(Topics.MEMBERSHIP_EVENTS, sent(group, "Choir", inviter, "Ann", inviter,
                UUID.randomUUID())));

        awaitMails(invitee, "Ann invited you to Choir", 1);
        assertThat(withSubject(invitee, "Ann invited you to Choir")).hasSize(1);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = 'group-invite'", invitee))
                .isEqualTo(1);
    }

    @Test
    void inviteeWithGroupMailOffGetsOnlyTheFeedEntry() {
        UUID inviter = newMember("en");
        UUID invitee = newMember("en");
        UUID group = newGroup(inviter, "Tennis");
        preference(invitee, "GROUP", false, true);

        awaitHandled(publish(Topics.MEMBERSHIP_EVENTS, sent(group, "Tennis", inviter, "Ann", invitee,
                UUID.randomUUID())));

        assertThat(count("select count(*) from notifications where member_id = ? and kind = 'group-invite'", invitee))
                .isEqualTo(1);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = 'group-invite'", invitee))
                .isZero();
    }

    @Test
    void acceptingTheInvitationIsToldAsJoined() {
        UUID inviter = newMember("en");
        UUID invitee = newMember("en");
        UUID group = newGroup(inviter, "Photo walk");

        NotificationsApi.join(group, invitee, "MEMBER");

        awaitMails(invitee, "You joined Photo walk", 1);
    }

    private static GroupInviteSent sent(UUID group, String name, UUID inviter, String inviterName, UUID invitee,
                                        UUID invitation) {
        return new GroupInviteSent(group, name, inviter, inviterName, invitee, invitation, EXPIRES, Instant.now());
    }
}
