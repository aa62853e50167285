package dev.moa.notifications.recipient;

import dev.moa.events.membership.GroupCreated;
import dev.moa.events.membership.GroupInviteSent;
import dev.moa.events.membership.GroupMemberJoined;
import dev.moa.events.membership.GroupMemberLeft;
import dev.moa.events.membership.GroupRoleChanged;
import dev.moa.events.membership.MemberRegistered;
import dev.moa.events.membership.MemberUpdated;
import dev.moa.events.membership.SellerApproved;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Notice;
import dev.moa.notifications.notice.NoticeRegistry;
import dev.moa.notifications.notice.NoticeRules;
import dev.moa.notifications.payment.PaymentRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;

/**
 * {@code membership.events}: the recipient copy (e-mail, name, locale) from MemberRegistered and MemberUpdated, group
 * names and roles; a welcome on sign-up, a notice to a member invited into a group in person (GroupInviteSent, at the
 * address this service keeps for them: the event carries none), to whoever joins a group (not to its creator), and to a
 * member whose application to sell was approved.
 */
@ApplicationScoped
public class MembershipRules implements NoticeRules {

    private static final Uni<List<Notice>> NONE = Uni.createFrom().item(List.of());

    private final Directory directory;

    public MembershipRules(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void register(NoticeRegistry registry) {
        registry.on("dev.moa.membership.MemberRegistered", MemberRegistered.class, event -> directory
                        .keepRecipient(event.memberId(), event.email(), event.name(), event.locale(), event.occurredAt())
                        .replaceWith(List.of(Notice.of(event.memberId(), Category.ACCOUNT, "welcome", event.memberId()))))
                .on("dev.moa.membership.MemberUpdated", MemberUpdated.class, event -> directory
                        .keepRecipient(event.memberId(), event.email(), event.name(), event.locale(), event.occurredAt())
                        .chain(() -> NONE))
                .on(GroupCreated.TYPE, GroupCreated.class, event -> directory
                        .keepGroup(event.groupId(), event.name()).chain(() -> NONE))
                .on(GroupMemberJoined.TYPE, GroupMemberJoined.class, this::joined)
                .onEach(GroupInviteSent.TYPE, GroupInviteSent.class, event -> Notice
                        .of(event.inviteeId(), Category.GROUP, "group-invite", event.inviteId())
                        .with("groupName", event.groupName()).with("inviterName", event.inviterName())
                        .with("groupId", event.groupId())
                        .with("expiresAt", PaymentRules.at(Objects.requireNonNull(event.expiresAt(), "an expiry"))))
                .on(GroupRoleChanged.TYPE, GroupRoleChanged.class, event -> directory
                        .setRole(event.groupId(), event.memberId(), event.role()).chain(() -> NONE))
                .on(GroupMemberLeft.TYPE, GroupMemberLeft.class, event -> directory
                        .removeRole(event.groupId(), event.memberId()).chain(() -> NONE))
                .onEach("dev.moa.membership.SellerApproved", SellerApproved.class, event -> Notice
                        .of(event.memberId(), Category.ACCOUNT, "seller-approved", event.memberId())
                        .with("businessName", event.businessName()));
    }

    /** Who created the group (OWNER) knows it; someone who joined with an invite code is told. */
    private Uni<List<Notice>> joined(GroupMemberJoined event) {
        return directory.setRole(event.groupId(), event.memberId(), event.role())
                .chain(() -> "OWNER".equals(event.role()) ? NONE : directory.groupName(event.groupId())
                        .map(name -> List.of(Notice.of(event.memberId(), Category.GROUP, "group-joined",
                                event.groupId()).with("groupName", name))));
    }
}
