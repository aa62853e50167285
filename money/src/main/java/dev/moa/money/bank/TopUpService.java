package dev.moa.money.bank;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.banking.FirmbankingDirection;
import dev.moa.events.banking.RequestFirmbanking;
import dev.moa.events.money.TopUpCompleted;
import dev.moa.events.money.TopUpFailed;
import dev.moa.money.ledger.Account;
import dev.moa.money.ledger.Ledger;
import dev.moa.money.ledger.LedgerProblems;
import dev.moa.money.ledger.LedgerRefusal;
import dev.moa.money.ledger.TransferKind;
import dev.moa.money.ledger.TransferOrder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.util.UUID;

/**
 * The top-up saga: REQUESTED with a RequestFirmbanking IN to banking (one transaction); on the bank's confirmation a
 * TOP_UP transfer from bank clearing to the wallet, COMPLETED and TopUpCompleted (one transaction); on its refusal
 * FAILED and TopUpFailed, and no money. Each method runs in the caller's transaction.
 */
@ApplicationScoped
public class TopUpService {

    private final Ledger ledger;
    private final Outbox outbox;
    private final TopUpConfig config;

    public TopUpService(Ledger ledger, Outbox outbox, TopUpConfig config) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
    }

    /** Money from the linked bank account {@code bankAccountId} (banking's id) into the wallet, in won. */
    public record TopUpRequest(@NotNull UUID bankAccountId, @Positive long amount) {
    }

    /** Records the top-up and asks banking for the money; a retry with the same key answers the same top-up. */
    public Uni<TopUp> request(UUID memberId, String idempotencyKey, TopUpRequest request) {
        if (request.amount() > config.maxAmount()) {
            return Uni.createFrom().failure(BankSagaProblems.aboveLimit("top-up", config.maxAmount()));
        }
        UUID id = TopUp.idOf(memberId, idempotencyKey);
        return TopUp.<TopUp>findById(id).chain(existing -> existing != null
                ? Uni.createFrom().item(() -> BankSagaProblems.sameRequest(existing, request.bankAccountId(),
                        request.amount()))
                : open(id, memberId, request));
    }

    private Uni<TopUp> open(UUID id, UUID memberId, TopUpRequest request) {
        return Account.walletOf(Account.Kind.MEMBER_WALLET, memberId)
                .onItem().ifNull().failWith(LedgerProblems::walletNotOpen)
                .call(wallet -> BankSagaProblems.requireRoom(TopUp.count("memberId = ?1 and status = ?2", memberId,
                        BankSagaStatus.REQUESTED), config.maxInFlight(), "top-up"))
                .chain(wallet -> {
                    TopUp topUp = new TopUp();
                    topUp.request(id, memberId, wallet.id, request.bankAccountId(), request.amount());
                    return topUp.<TopUp>persist();
                })
                .call(topUp -> outbox.append(Topics.BANKING_COMMANDS, new RequestFirmbanking(topUp.id, memberId,
                        topUp.bankAccountId, FirmbankingDirection.IN, topUp.amount, topUp.requestedAt)));
    }

    /** Ends a REQUESTED top-up, locked by the caller, as banking answered. */
    Uni<SagaStep> settle(TopUp topUp, BankAnswer answer) {
        return answer.succeeded() ? credit(topUp, answer) : fail(topUp, answer);
    }

    private Uni<SagaStep> credit(TopUp topUp, BankAnswer answer) {
        return Account.system(Account.BANK_CLEARING)
                .chain(clearing -> ledger.post(new TransferOrder(TopUp.transferIdOf(topUp.id), clearing.id,
                        topUp.walletAccountId, topUp.amount, TransferKind.TOP_UP, "top-up:" + topUp.id, null,
                        topUp.memberId)))
                .chain(transfer -> {
                    topUp.complete(transfer.id, answer.bankTransactionId());
                    return outbox.append(Topics.MONEY_EVENTS, new TopUpCompleted(topUp.id, topUp.memberId,
                                    topUp.walletAccountId, topUp.bankAccountId, topUp.amount, transfer.id,
                                    topUp.finishedAt))
                            .replaceWith(step(topUp, SagaStep.Result.COMPLETED,
                                    answer.reconciled() ? "credited after reconciliation at the bank" : "credited"));
                })
                // Only a refusal the ledger answered (it changed nothing): the bank has the money, the wallet not.
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    String why = LedgerRefusal.reasonOf((ProblemException) e);
                    topUp.needsReview("CREDIT_REFUSED", "The bank confirmed the top-up but the ledger refused to "
                            + "credit it (" + why + ")", answer.bankTransactionId());
                    return step(topUp, SagaStep.Result.NEEDS_REVIEW, "the bank has the money, the ledger refused "
                            + "the credit: " + why);
                });
    }

    private Uni<SagaStep> fail(TopUp topUp, BankAnswer answer) {
        topUp.fail(answer.reason(), answer.detail());
        return outbox.append(Topics.MONEY_EVENTS, new TopUpFailed(topUp.id, topUp.memberId, topUp.bankAccountId,
                        topUp.amount, topUp.reason, topUp.detail, topUp.finishedAt))
                .replaceWith(step(topUp, SagaStep.Result.FAILED, "refused by the bank: " + topUp.reason));
    }

    private static SagaStep step(TopUp topUp, SagaStep.Result result, String note) {
        return new SagaStep("top-up", topUp.id, result, note);
    }
}
