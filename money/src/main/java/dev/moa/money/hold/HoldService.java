package dev.moa.money.hold;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.money.HoldCaptured;
import dev.moa.events.money.HoldPlaced;
import dev.moa.events.money.HoldVoided;
import dev.moa.money.ledger.Account;
import dev.moa.money.ledger.Ledger;
import dev.moa.money.ledger.LedgerRefusal;
import dev.moa.money.ledger.Transfer;
import dev.moa.money.ledger.TransferKind;
import dev.moa.money.ledger.TransferOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Two-phase transfers: place a hold (the money stays in the wallet but cannot be spent), then capture all or part of
 * it into another account (the rest is released), or void it; the expiry job releases holds nobody closed in time.
 * Each operation runs in the caller's transaction, or a new one, and its event goes through the outbox in the same
 * transaction. Each is idempotent by its id (the hold id, the capture's transfer id); a replay emits its event again
 * only when it answers a command ({@code commandId} not null), so a command is always answered.
 * Refusals change nothing and fail with {@link LedgerRefusal}.
 */
@ApplicationScoped
public class HoldService {

    /** The longest a hold may last: an auction's registration holds are days, not years. */
    public static final Duration MAX_DURATION = Duration.ofDays(366);
    static final int MAX_REFERENCE = 200;
    static final int MAX_MEMO = 140;

    private static final String PLACE = "select moa_place_hold(?1, ?2, ?3, ?4, ?5)";
    private static final String CAPTURE = "select moa_capture_hold(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    private static final String VOID = "select moa_void_hold(?1)";
    private static final String EXPIRE = "select hold_id from moa_expire_holds(?1, ?2)";

    private final Ledger ledger;
    private final Outbox outbox;

    public HoldService(Ledger ledger, Outbox outbox) {
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** A hold to place: {@code holdId} is its idempotency key. */
    public record HoldOrder(UUID holdId, UUID accountId, long amount, Instant expiresAt, String reference) {
    }

    /**
     * A capture: {@code amount} (1 .. the hold's amount) into {@code creditAccountId} as the transfer
     * {@code transferId}, with {@code linked} transfers posted all or none together with it.
     */
    public record CaptureOrder(UUID holdId, UUID transferId, UUID creditAccountId, long amount, TransferKind kind,
                               String reference, String memo, List<TransferOrder> linked) {

        public CaptureOrder {
            linked = linked == null ? List.of() : List.copyOf(linked);
        }
    }

    public record Captured(Hold hold, List<Transfer> linked) {
    }

    public Uni<Hold> place(HoldOrder order, UUID commandId) {
        Instant now = Instant.now();
        if (order.amount() <= 0 || order.amount() > TransferOrder.MAX_AMOUNT) {
            return refuse(LedgerRefusal.invalid("A hold's amount is between 1 and " + TransferOrder.MAX_AMOUNT));
        }
        if (order.expiresAt() == null || !order.expiresAt().isAfter(now)
                || order.expiresAt().isAfter(now.plus(MAX_DURATION))) {
            return refuse(LedgerRefusal.invalid("A hold expires in the future, within " + MAX_DURATION.toDays()
                    + " days"));
        }
        if (tooLong(order.reference(), MAX_REFERENCE)) {
            return refuse(LedgerRefusal.invalid("A reference has at most " + MAX_REFERENCE + " characters"));
        }
        return Panache.withTransaction(() -> call(PLACE, order.holdId(), order.accountId(), order.amount(),
                order.expiresAt(), order.reference())
                .chain(outcome -> switch (outcome) {
                    case "PLACED" -> Hold.<Hold>findById(order.holdId()).call(hold -> announcePlaced(hold, commandId));
                    case "DUPLICATE" -> Hold.<Hold>findById(order.holdId()).call(hold -> sameTerms(hold, order)
                            ? (commandId == null ? Uni.createFrom().voidItem() : announcePlaced(hold, commandId))
                            : refuse(LedgerRefusal.conflict("HOLD_ID_USED",
                                    "This hold id was already used for another hold")));
                    case "INSUFFICIENT_FUNDS" -> refuse(LedgerRefusal.unprocessable("INSUFFICIENT_FUNDS",
                            "The wallet's available balance is too low"));
                    case "UNKNOWN_ACCOUNT" -> refuse(new LedgerRefusal(404, "UNKNOWN_ACCOUNT",
                            "No account to hold money in"));
                    case "OVERFLOW" -> refuse(LedgerRefusal.unprocessable("AMOUNT_OVERFLOW",
                            "The amount would overflow the account's pending debits"));
                    default -> Uni.createFrom().failure(new IllegalStateException("moa_place_hold: " + outcome));
                }));
    }

    public Uni<Captured> capture(CaptureOrder order, UUID commandId) {
        if (order.amount() <= 0 || order.amount() > TransferOrder.MAX_AMOUNT) {
            return refuse(LedgerRefusal.invalid("A capture's amount is between 1 and " + TransferOrder.MAX_AMOUNT));
        }
        if (tooLong(order.reference(), MAX_REFERENCE) || tooLong(order.memo(), MAX_MEMO)) {
            return refuse(LedgerRefusal.invalid("A reference has at most " + MAX_REFERENCE
                    + " characters, a memo at most " + MAX_MEMO));
        }
        TransferKind kind = order.kind() == null ? TransferKind.HOLD_CAPTURE : order.kind();
        return Panache.withTransaction(() -> call(CAPTURE, order.holdId(), order.transferId(),
                order.creditAccountId(), order.amount(), kind.name(), order.reference(), order.memo())
                .chain(outcome -> switch (outcome) {
                    case "CAPTURED" -> ledger.announce(order.transferId())
                            .chain(() -> completeCapture(order, commandId, true));
                    case "ALREADY_CAPTURED" -> Transfer.<Transfer>findById(order.transferId())
                            .chain(transfer -> transfer.amount == order.amount()
                                    && transfer.creditAccountId.equals(order.creditAccountId())
                                    ? completeCapture(order, commandId, false)
                                    : refuse(LedgerRefusal.conflict("TRANSFER_ID_USED",
                                            "This hold was captured by this transfer id with other terms")));
                    case "NOT_PENDING" -> Hold.<Hold>findById(order.holdId()).chain(hold -> refuse(notPending(hold)));
                    case "EXCEEDS_HOLD" -> refuse(LedgerRefusal.unprocessable("EXCEEDS_HOLD",
                            "A capture cannot exceed its hold"));
                    case "UNKNOWN_HOLD" -> refuse(unknownHold());
                    case "UNKNOWN_CREDIT_ACCOUNT" -> refuse(new LedgerRefusal(404, "UNKNOWN_ACCOUNT",
                            "No account to capture into"));
                    case "SAME_ACCOUNT" -> refuse(LedgerRefusal.unprocessable("SAME_ACCOUNT",
                            "A hold cannot be captured into its own account"));
                    case "CURRENCY_MISMATCH" -> refuse(LedgerRefusal.unprocessable("CURRENCY_MISMATCH",
                            "Money moves only between accounts of one currency"));
                    case "OVERFLOW" -> refuse(LedgerRefusal.unprocessable("AMOUNT_OVERFLOW",
                            "The amount would overflow an account's balance"));
                    case "TRANSFER_ID_USED" -> refuse(LedgerRefusal.conflict("TRANSFER_ID_USED",
                            "This transfer id was already used for another transfer"));
                    default -> Uni.createFrom().failure(new IllegalStateException("moa_capture_hold: " + outcome));
                }));
    }

    /** Voids a pending hold. A hold that already expired counts as released: it is answered, not refused. */
    public Uni<Hold> voidHold(UUID holdId, UUID commandId) {
        return Panache.withTransaction(() -> call(VOID, holdId).chain(outcome -> switch (outcome) {
            case "VOIDED" -> Hold.<Hold>findById(holdId).call(hold -> announceReleased(hold, commandId));
            case "ALREADY_VOIDED" -> Hold.<Hold>findById(holdId).call(hold -> answerReplay(hold, commandId));
            case "NOT_PENDING" -> Hold.<Hold>findById(holdId).call(hold -> hold.status == HoldStatus.EXPIRED
                    ? answerReplay(hold, commandId)
                    : refuse(notPending(hold)));
            case "UNKNOWN_HOLD" -> refuse(unknownHold());
            default -> Uni.createFrom().failure(new IllegalStateException("moa_void_hold: " + outcome));
        }));
    }

    /** Releases up to {@code limit} pending holds whose expiry is at or before {@code now}; returns them. */
    public Uni<List<Hold>> expire(Instant now, int limit) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(EXPIRE, UUID.class)
                        .setParameter(1, now)
                        .setParameter(2, limit)
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Hold>of()) : Hold.<Hold>list("id in ?1", ids))
                .call(holds -> Multi.createFrom().iterable(holds)
                        .onItem().transformToUniAndConcatenate(hold -> announceReleased(hold, null))
                        .collect().last()));
    }

    private Uni<Captured> completeCapture(CaptureOrder order, UUID commandId, boolean fresh) {
        return ledger.postAll(order.linked()).chain(linked -> Hold.<Hold>findById(order.holdId())
                .call(hold -> fresh || commandId != null ? announceCaptured(hold, linked, commandId)
                        : Uni.createFrom().voidItem())
                .map(hold -> new Captured(hold, linked)));
    }

    private Uni<UUID> announcePlaced(Hold hold, UUID commandId) {
        return Account.<Account>findById(hold.debitAccountId).chain(account -> outbox.append(Topics.MONEY_EVENTS,
                new HoldPlaced(hold.id, account.id, account.ownerId, hold.amount, hold.expiresAt, hold.reference,
                        commandId, hold.createdAt)));
    }

    private Uni<UUID> announceCaptured(Hold hold, List<Transfer> linked, UUID commandId) {
        return Transfer.<Transfer>findById(hold.transferId).chain(transfer -> Account.<Account>findById(
                hold.debitAccountId).chain(debit -> Account.<Account>findById(transfer.creditAccountId)
                .chain(credit -> outbox.append(Topics.MONEY_EVENTS, new HoldCaptured(hold.id, transfer.id, debit.id,
                        debit.ownerId, hold.capturedAmount, hold.releasedByCapture(), credit.id, credit.ownerId,
                        linked.stream().map(t -> t.id).toList(), commandId, hold.closedAt)))));
    }

    private Uni<UUID> announceReleased(Hold hold, UUID commandId) {
        return Account.<Account>findById(hold.debitAccountId).chain(account -> outbox.append(Topics.MONEY_EVENTS,
                new HoldVoided(hold.id, account.id, account.ownerId, hold.amount, hold.status.name(), commandId,
                        hold.closedAt)));
    }

    private Uni<?> answerReplay(Hold hold, UUID commandId) {
        return commandId == null ? Uni.createFrom().voidItem() : announceReleased(hold, commandId);
    }

    private static boolean sameTerms(Hold hold, HoldOrder order) {
        return hold.debitAccountId.equals(order.accountId()) && hold.amount == order.amount()
                && hold.expiresAt.truncatedTo(ChronoUnit.MILLIS).equals(order.expiresAt().truncatedTo(ChronoUnit.MILLIS))
                && Objects.equals(hold.reference, order.reference());
    }

    private static LedgerRefusal notPending(Hold hold) {
        HoldStatus status = hold.status == HoldStatus.PENDING ? HoldStatus.EXPIRED : hold.status;
        return LedgerRefusal.unprocessable(status.name(), switch (status) {
            case CAPTURED -> "The hold was captured already";
            case VOIDED -> "The hold was voided";
            default -> "The hold expired";
        });
    }

    private static LedgerRefusal unknownHold() {
        return new LedgerRefusal(404, "UNKNOWN_HOLD", "No hold has that id");
    }

    private static boolean tooLong(String text, int max) {
        return text != null && text.length() > max;
    }

    private static <T> Uni<T> refuse(LedgerRefusal refusal) {
        return Uni.createFrom().failure(refusal);
    }

    private static Uni<String> call(String function, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(function, String.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        });
    }
}
