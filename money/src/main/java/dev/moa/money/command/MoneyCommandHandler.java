package dev.moa.money.command;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.MoaEvent;
import dev.moa.events.money.AccountRef;
import dev.moa.events.money.CaptureHold;
import dev.moa.events.money.HoldCaptureFailed;
import dev.moa.events.money.HoldRejected;
import dev.moa.events.money.HoldVoidFailed;
import dev.moa.events.money.LinkedTransfer;
import dev.moa.events.money.MoneyCommand;
import dev.moa.events.money.PlaceHold;
import dev.moa.events.money.Transfer;
import dev.moa.events.money.TransferRejected;
import dev.moa.events.money.VoidHold;
import dev.moa.money.hold.HoldService;
import dev.moa.money.ledger.Account;
import dev.moa.money.ledger.Ledger;
import dev.moa.money.ledger.LedgerRefusal;
import dev.moa.money.ledger.TransferKind;
import dev.moa.money.ledger.TransferOrder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies one command of {@code money.commands} in the current transaction, and writes the answer of a refused one.
 * A success is answered by the services themselves (HoldPlaced, HoldCaptured, HoldVoided, TransferPosted), in the
 * transaction of the effect; a refusal fails with a {@link ProblemException}, the effect's transaction rolls back,
 * and {@link #refusal} makes the answer for a transaction of its own.
 */
@ApplicationScoped
public class MoneyCommandHandler {

    private final HoldService holds;
    private final Ledger ledger;

    public MoneyCommandHandler(HoldService holds, Ledger ledger) {
        this.holds = holds;
        this.ledger = ledger;
    }

    public Uni<?> apply(MoneyCommand command) {
        if (command instanceof PlaceHold place) {
            return walletOf(place.ownerKind(), place.ownerId()).chain(account -> holds.place(
                    new HoldService.HoldOrder(place.holdId(), account.id, place.amount(), place.expiresAt(),
                            place.reference()), place.commandId()));
        }
        if (command instanceof CaptureHold capture) {
            TransferKind kind = capture.kind() == null ? TransferKind.HOLD_CAPTURE : kind(capture.kind());
            return resolve(capture.credit()).chain(credit -> orders(capture.linked()).chain(linked -> holds.capture(
                    new HoldService.CaptureOrder(capture.holdId(), capture.transferId(), credit.id, capture.amount(),
                            kind, capture.reference(), capture.memo(), linked), capture.commandId())));
        }
        if (command instanceof VoidHold voidHold) {
            return holds.voidHold(voidHold.holdId(), voidHold.commandId());
        }
        if (command instanceof Transfer transfer) {
            LinkedTransfer main = new LinkedTransfer(transfer.commandId(), transfer.debit(), transfer.credit(),
                    transfer.amount(), transfer.kind(), transfer.reference(), transfer.memo());
            return order(main).chain(order -> orders(transfer.linked())
                    .chain(linked -> ledger.post(order).chain(() -> ledger.postAll(linked))));
        }
        return Uni.createFrom().failure(new IllegalArgumentException("not a money command: " + command));
    }

    /** The answer to {@code command} refused for {@code problem}: nothing changed but this event. */
    public Uni<MoaEvent> refusal(MoneyCommand command, ProblemException problem) {
        String reason = LedgerRefusal.reasonOf(problem);
        String detail = problem.getMessage();
        Instant now = Instant.now();
        if (command instanceof PlaceHold place) {
            return knownWalletOf(place.ownerKind(), place.ownerId()).map(account -> new HoldRejected(place.holdId(),
                    account == null ? null : account.id, place.ownerId(), place.amount(), reason, detail,
                    place.commandId(), now));
        }
        if (command instanceof CaptureHold capture) {
            return Uni.createFrom().item(new HoldCaptureFailed(capture.holdId(), capture.transferId(), reason, detail,
                    capture.commandId(), now));
        }
        if (command instanceof VoidHold voidHold) {
            return Uni.createFrom().item(new HoldVoidFailed(voidHold.holdId(), reason, voidHold.commandId(), now));
        }
        return Uni.createFrom().item(new TransferRejected(command.commandId(), reason, detail, now));
    }

    private Uni<List<TransferOrder>> orders(List<LinkedTransfer> linked) {
        if (linked.size() > Ledger.MAX_LINKED) {
            return Uni.createFrom().failure(LedgerRefusal.invalid("At most " + Ledger.MAX_LINKED
                    + " transfers can be linked"));
        }
        return Multi.createFrom().iterable(linked).onItem().transformToUniAndConcatenate(this::order).collect().asList();
    }

    private Uni<TransferOrder> order(LinkedTransfer leg) {
        if (leg.transferId() == null || leg.amount() <= 0 || leg.amount() > TransferOrder.MAX_AMOUNT) {
            return Uni.createFrom().failure(LedgerRefusal.invalid("A transfer needs an id and an amount between 1 and "
                    + TransferOrder.MAX_AMOUNT));
        }
        TransferKind kind = kind(leg.kind());
        return resolve(leg.debit()).chain(debit -> resolve(leg.credit()).map(credit -> new TransferOrder(
                leg.transferId(), debit.id, credit.id, leg.amount(), kind, leg.reference(), leg.memo(), null)));
    }

    private static TransferKind kind(String kind) {
        try {
            return TransferKind.valueOf(String.valueOf(kind));
        } catch (IllegalArgumentException e) {
            throw LedgerRefusal.invalid("Unknown transfer kind " + kind);
        }
    }

    private static Uni<Account> resolve(AccountRef ref) {
        if (ref == null || (ref.code() == null) == (ref.ownerId() == null)) {
            return Uni.createFrom().failure(LedgerRefusal.invalid(
                    "Name an account by its code or by its owner (ownerKind and ownerId), not both"));
        }
        if (ref.code() != null) {
            return Account.<Account>find("code", ref.code()).firstResult()
                    .onItem().ifNull().failWith(() -> unknownAccount(ref));
        }
        return walletOf(ref.ownerKind(), ref.ownerId());
    }

    private static Uni<Account> walletOf(String ownerKind, UUID ownerId) {
        Account.Kind kind = walletKind(ownerKind);
        if (kind == null || ownerId == null) {
            return Uni.createFrom().failure(LedgerRefusal.invalid("A wallet's owner is a MEMBER or a GROUP, with an id"));
        }
        return Account.walletOf(kind, ownerId).onItem().ifNull().failWith(() -> unknownAccount(
                new AccountRef(null, ownerKind, ownerId)));
    }

    private static Uni<Account> knownWalletOf(String ownerKind, UUID ownerId) {
        Account.Kind kind = walletKind(ownerKind);
        return kind == null || ownerId == null ? Uni.createFrom().nullItem() : Account.walletOf(kind, ownerId);
    }

    private static Account.Kind walletKind(String ownerKind) {
        if ("MEMBER".equals(ownerKind)) {
            return Account.Kind.MEMBER_WALLET;
        }
        return "GROUP".equals(ownerKind) ? Account.Kind.GROUP_WALLET : null;
    }

    private static LedgerRefusal unknownAccount(AccountRef ref) {
        return new LedgerRefusal(404, "UNKNOWN_ACCOUNT", "No account "
                + (ref.code() != null ? ref.code() : ref.ownerKind() + " " + ref.ownerId()));
    }
}
