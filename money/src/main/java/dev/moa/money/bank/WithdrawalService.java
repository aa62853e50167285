package dev.moa.money.bank;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.banking.FirmbankingDirection;
import dev.moa.events.banking.RequestFirmbanking;
import dev.moa.events.money.WithdrawalCompleted;
import dev.moa.events.money.WithdrawalFailed;
import dev.moa.money.hold.Hold;
import dev.moa.money.hold.HoldService;
import dev.moa.money.ledger.Account;
import dev.moa.money.ledger.Ledger;
import dev.moa.money.ledger.LedgerProblems;
import dev.moa.money.ledger.LedgerRefusal;
import dev.moa.money.ledger.Transfer;
import dev.moa.money.ledger.TransferKind;
import dev.moa.money.ledger.TransferOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The withdrawal saga: a hold on the wallet for the amount, REQUESTED, and a RequestFirmbanking OUT to banking, in one
 * transaction (no funds, no withdrawal and no command); on the bank's confirmation the hold is captured in full to bank
 * clearing as the WITHDRAWAL transfer, COMPLETED and WithdrawalCompleted; on its refusal the hold is voided, FAILED and
 * WithdrawalFailed. Each method runs in the caller's transaction.
 *
 * <p>The hold lasts {@code moa.withdrawals.hold-for} (30 days): far longer than banking needs to learn the outcome of a
 * timed-out transfer, so it should never expire first. If the bank's confirmation still comes after it expired (the
 * money was released and may have been spent), the withdrawal is posted from the wallet as an ordinary WITHDRAWAL
 * transfer when the available balance covers it, and COMPLETED (counted as completed-after-hold-expired, with a WARN
 * line: the hold should have outlived the bank); when it does not, nothing moves, the withdrawal
 * NEEDS_REVIEW (the bank paid out money the wallet no longer has), counted in {@code moa.bank-sagas.outcomes} and
 * logged as a WARN for an operator. A refusal that comes after the expiry just ends it as FAILED: nothing is held
 * any more.
 */
@ApplicationScoped
public class WithdrawalService {

    private final HoldService holds;
    private final Ledger ledger;
    private final Outbox outbox;
    private final WithdrawalConfig config;

    public WithdrawalService(HoldService holds, Ledger ledger, Outbox outbox, WithdrawalConfig config) {
        this.holds = holds;
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
    }

    /** Money from the wallet to the linked bank account {@code bankAccountId} (banking's id), in won. */
    public record WithdrawalRequest(@NotNull UUID bankAccountId, @Positive long amount) {
    }

    /** A hold that cannot outlive the bank's uncertainty, or is longer than a hold may be, is a configuration error. */
    void checkConfiguration(@Observes StartupEvent start) {
        Duration holdFor = config.holdFor();
        if (holdFor.compareTo(Duration.ofMinutes(1)) < 0 || holdFor.compareTo(HoldService.MAX_DURATION) > 0) {
            throw new IllegalStateException("moa.withdrawals.hold-for must be between 1 minute and "
                    + HoldService.MAX_DURATION.toDays() + " days, not " + holdFor);
        }
    }

    /** Holds the amount, records the withdrawal and asks banking to pay it out; a retry answers the same one. */
    public Uni<Withdrawal> request(UUID memberId, String idempotencyKey, WithdrawalRequest request) {
        if (request.amount() > config.maxAmount()) {
            return Uni.createFrom().failure(BankSagaProblems.aboveLimit("withdrawal", config.maxAmount()));
        }
        UUID id = Withdrawal.idOf(memberId, idempotencyKey);
        return Withdrawal.<Withdrawal>findById(id).chain(existing -> existing != null
                ? Uni.createFrom().item(() -> BankSagaProblems.sameRequest(existing, request.bankAccountId(),
                        request.amount()))
                : open(id, memberId, request));
    }

    private Uni<Withdrawal> open(UUID id, UUID memberId, WithdrawalRequest request) {
        UUID holdId = Withdrawal.holdIdOf(id);
        return Account.walletOf(Account.Kind.MEMBER_WALLET, memberId)
                .onItem().ifNull().failWith(LedgerProblems::walletNotOpen)
                .call(wallet -> BankSagaProblems.requireRoom(Withdrawal.count("memberId = ?1 and status = ?2",
                        memberId, BankSagaStatus.REQUESTED), config.maxInFlight(), "withdrawal"))
                .call(wallet -> holds.place(new HoldService.HoldOrder(holdId, wallet.id, request.amount(),
                        Instant.now().plus(config.holdFor()), "withdrawal:" + id), null))
                .chain(wallet -> {
                    Withdrawal withdrawal = new Withdrawal();
                    withdrawal.request(id, memberId, wallet.id, request.bankAccountId(), request.amount());
                    withdrawal.holdId = holdId;
                    return withdrawal.<Withdrawal>persist();
                })
                .call(withdrawal -> outbox.append(Topics.BANKING_COMMANDS, new RequestFirmbanking(withdrawal.id,
                        memberId, withdrawal.bankAccountId, FirmbankingDirection.OUT, withdrawal.amount,
                        withdrawal.requestedAt)));
    }

    /** Ends a REQUESTED withdrawal, locked by the caller, as banking answered. */
    Uni<SagaStep> settle(Withdrawal withdrawal, BankAnswer answer) {
        return answer.succeeded() ? pay(withdrawal, answer) : release(withdrawal, answer);
    }

    private Uni<SagaStep> pay(Withdrawal withdrawal, BankAnswer answer) {
        return Account.system(Account.BANK_CLEARING)
                .chain(clearing -> capture(withdrawal, clearing)
                        .onFailure(WithdrawalService::holdExpired).recoverWithUni(() -> postAfterExpiry(withdrawal,
                                clearing)))
                .chain(paid -> {
                    withdrawal.complete(paid.transfer().id, answer.bankTransactionId());
                    return outbox.append(Topics.MONEY_EVENTS, new WithdrawalCompleted(withdrawal.id,
                                    withdrawal.memberId, withdrawal.walletAccountId, withdrawal.bankAccountId,
                                    withdrawal.amount, paid.transfer().id, withdrawal.finishedAt))
                            .replaceWith(step(withdrawal, paid.result(), paid.note()));
                })
                // Only a refusal the ledger answered (it changed nothing): the bank paid out, the wallet did not.
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    String why = LedgerRefusal.reasonOf((ProblemException) e);
                    boolean late = "INSUFFICIENT_FUNDS".equals(why);
                    withdrawal.needsReview(late ? "CONFIRMED_AFTER_HOLD_UNFUNDED" : "DEBIT_REFUSED",
                            late ? "The bank paid out after the hold had expired, and the wallet no longer covers it"
                                    : "The bank paid out but the ledger refused the debit (" + why + ")",
                            answer.bankTransactionId());
                    return step(withdrawal, SagaStep.Result.NEEDS_REVIEW, "the bank paid out, the wallet was not "
                            + "debited: " + withdrawal.reason);
                });
    }

    private record Paid(Transfer transfer, SagaStep.Result result, String note) {
    }

    private Uni<Paid> capture(Withdrawal withdrawal, Account clearing) {
        return holds.capture(new HoldService.CaptureOrder(withdrawal.holdId, Withdrawal.transferIdOf(withdrawal.id),
                        clearing.id, withdrawal.amount, TransferKind.WITHDRAWAL, "withdrawal:" + withdrawal.id, null,
                        List.of()), null)
                .chain(captured -> Transfer.<Transfer>findById(captured.hold().transferId))
                .map(transfer -> new Paid(transfer, SagaStep.Result.COMPLETED, "hold captured"));
    }

    /**
     * The hold expired before the bank confirmed: release it if the expiry job has not yet (so it does not count
     * against the wallet twice), then post the withdrawal from what is available. Fails with the ledger's
     * INSUFFICIENT_FUNDS refusal when the wallet no longer covers it.
     */
    private Uni<Paid> postAfterExpiry(Withdrawal withdrawal, Account clearing) {
        // The refused capture read the hold into this session as it was then: the void must read it afresh.
        return Panache.getSession().chain(session -> Hold.<Hold>findById(withdrawal.holdId).invoke(hold -> {
                    if (hold != null) {
                        session.detach(hold);
                    }
                }))
                .chain(() -> holds.voidHold(withdrawal.holdId, null))
                .chain(() -> ledger.post(new TransferOrder(Withdrawal.transferIdOf(withdrawal.id),
                        withdrawal.walletAccountId, clearing.id, withdrawal.amount, TransferKind.WITHDRAWAL,
                        "withdrawal:" + withdrawal.id, null, withdrawal.memberId)))
                .map(transfer -> new Paid(transfer, SagaStep.Result.COMPLETED_AFTER_HOLD_EXPIRED,
                        "confirmed after its hold expired: posted from the wallet"));
    }

    private static boolean holdExpired(Throwable failure) {
        return failure instanceof LedgerRefusal refusal && "EXPIRED".equals(refusal.reason());
    }

    private Uni<SagaStep> release(Withdrawal withdrawal, BankAnswer answer) {
        // A hold that expired meanwhile is released already; voidHold answers it all the same.
        return holds.voidHold(withdrawal.holdId, null).chain(hold -> {
            withdrawal.fail(answer.reason(), answer.detail());
            return outbox.append(Topics.MONEY_EVENTS, new WithdrawalFailed(withdrawal.id, withdrawal.memberId,
                            withdrawal.bankAccountId, withdrawal.amount, withdrawal.reason, withdrawal.detail,
                            withdrawal.finishedAt))
                    .replaceWith(step(withdrawal, SagaStep.Result.FAILED, "refused by the bank: " + withdrawal.reason));
        }).onFailure(ProblemException.class).recoverWithItem(e -> {
            String why = LedgerRefusal.reasonOf((ProblemException) e);
            withdrawal.needsReview("RELEASE_REFUSED", "The bank refused the withdrawal but its hold could not be "
                    + "released (" + why + ")", null);
            return step(withdrawal, SagaStep.Result.NEEDS_REVIEW, "the hold could not be released: " + why);
        });
    }

    private static SagaStep step(Withdrawal withdrawal, SagaStep.Result result, String note) {
        return new SagaStep("withdrawal", withdrawal.id, result, note);
    }
}
