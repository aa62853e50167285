package dev.moa.notifications.money;

import dev.moa.events.money.DuesCollected;
import dev.moa.events.money.DuesDue;
import dev.moa.events.money.DuesUnpaid;
import dev.moa.events.money.TopUpCompleted;
import dev.moa.events.money.TopUpFailed;
import dev.moa.events.money.TransferPosted;
import dev.moa.events.money.WithdrawalCompleted;
import dev.moa.events.money.WithdrawalFailed;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Notice;
import dev.moa.notifications.notice.NoticeRegistry;
import dev.moa.notifications.notice.NoticeRules;
import dev.moa.notifications.recipient.Directory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code money.events}. Each notice comes from the event that proves it: a top-up or withdrawal from its completed or
 * failed event (money's saga outcome, after the bank answered), money received from the posted REMITTANCE or PAYOUT
 * transfer, dues from DuesCollected / DuesUnpaid, and the reminder before a collection from DuesDue (GROUP,
 * switchable). Hold events are steps of other services' sagas and tell nobody:
 * their outcomes (registration approved or rejected, payment completed) are told from those services' events.
 */
@ApplicationScoped
public class MoneyRules implements NoticeRules {

    private static final Uni<List<Notice>> NONE = Uni.createFrom().item(List.of());

    private final Directory directory;

    public MoneyRules(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void register(NoticeRegistry registry) {
        registry.on("dev.moa.money.TransferPosted", TransferPosted.class, this::transferPosted)
                .onEach("dev.moa.money.TopUpCompleted", TopUpCompleted.class, event -> Notice
                        .of(event.memberId(), Category.RECEIPT, "top-up-completed", event.topUpId())
                        .with("amount", positive(event.amount())))
                .onEach("dev.moa.money.TopUpFailed", TopUpFailed.class, event -> Notice
                        .of(event.memberId(), Category.RECEIPT, "top-up-failed", event.topUpId())
                        .with("amount", positive(event.amount())).with("reason", event.reason())
                        .with("detail", event.detail()))
                .onEach("dev.moa.money.WithdrawalCompleted", WithdrawalCompleted.class, event -> Notice
                        .of(event.memberId(), Category.RECEIPT, "withdrawal-completed", event.withdrawalId())
                        .with("amount", positive(event.amount())))
                .onEach("dev.moa.money.WithdrawalFailed", WithdrawalFailed.class, event -> Notice
                        .of(event.memberId(), Category.RECEIPT, "withdrawal-failed", event.withdrawalId())
                        .with("amount", positive(event.amount())).with("reason", event.reason())
                        .with("detail", event.detail()))
                .on("dev.moa.money.DuesCollected", DuesCollected.class, event -> directory.groupName(event.groupId())
                        .map(group -> List.of(Notice.of(event.memberId(), Category.RECEIPT, "dues-collected",
                                        event.groupId()).with("amount", positive(event.amount()))
                                .with("period", event.period()).with("groupName", group))))
                .on("dev.moa.money.DuesDue", DuesDue.class, event -> directory.groupName(event.groupId())
                        .map(group -> List.of(Notice.of(event.memberId(), Category.GROUP, "dues-due",
                                        event.groupId()).with("amount", positive(event.amount()))
                                .with("period", event.period()).with("groupName", group)
                                .with("dueOn", Objects.requireNonNull(event.dueOn(), "a due day").toString()))))
                .on("dev.moa.money.DuesUnpaid", DuesUnpaid.class, event -> directory.groupName(event.groupId())
                        .map(group -> List.of(Notice.of(event.memberId(), Category.GROUP, "dues-unpaid",
                                        event.groupId()).with("amount", positive(event.amount()))
                                .with("period", event.period()).with("groupName", group))));
    }

    /**
     * Money received: a REMITTANCE or PAYOUT credited to a member tells that member; one credited to a group's wallet
     * tells the people who manage it (owner and treasurers, not every member: each sees the group's ledger), except
     * the sender. The memo is the sender's free text: it is shown in the app, never put into a mail.
     */
    private Uni<List<Notice>> transferPosted(TransferPosted transfer) {
        if (!("REMITTANCE".equals(transfer.kind()) || "PAYOUT".equals(transfer.kind()))
                || transfer.creditOwnerId() == null) {
            return NONE;
        }
        positive(transfer.amount());
        return directory.groupName(transfer.creditOwnerId()).chain(creditGroup -> sender(transfer.debitOwnerId())
                .chain(from -> creditGroup == null
                        ? Uni.createFrom().item(List.of(received(transfer.creditOwnerId(), Category.REMITTANCE,
                        "remittance-received", transfer, from)))
                        : directory.managersOf(transfer.creditOwnerId()).map(managers -> managers.stream()
                        .filter(manager -> !manager.equals(transfer.debitOwnerId()))
                        .map(manager -> received(manager, Category.GROUP, "group-remittance-received", transfer, from)
                                .with("groupName", creditGroup))
                        .toList())));
    }

    private static Notice received(UUID memberId, Category category, String kind, TransferPosted transfer,
                                   String from) {
        return Notice.of(memberId, category, kind, transfer.transferId())
                .with("amount", transfer.amount()).with("from", from).with("memo", transfer.memo());
    }

    /** A group's name (a payout) or a member's, or null when unknown. */
    private Uni<String> sender(UUID ownerId) {
        return directory.groupName(ownerId)
                .chain(group -> group != null ? Uni.createFrom().item(group) : directory.nameOf(ownerId));
    }

    private static long positive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("an amount must be positive, was " + amount);
        }
        return amount;
    }
}
