package dev.moa.money.bank;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.function.Function;

/**
 * Routes banking's answer to the saga it names (its {@code commandId} is the saga's id), in the caller's transaction.
 * The saga is locked for the step, so two answers for one saga are applied one after the other; the second finds it
 * final and changes nothing. An answer for no saga, or whose terms differ from the saga's, changes nothing.
 */
@ApplicationScoped
public class BankOutcomes {

    private final TopUpService topUps;
    private final WithdrawalService withdrawals;

    public BankOutcomes(TopUpService topUps, WithdrawalService withdrawals) {
        this.topUps = topUps;
        this.withdrawals = withdrawals;
    }

    Uni<SagaStep> settle(BankAnswer answer) {
        // Lock order: the saga row first, then (inside the ledger's functions) the accounts.
        return TopUp.<TopUp>findById(answer.commandId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(topUp -> topUp != null ? guarded("top-up", topUp, answer, t -> topUps.settle(t, answer))
                        : Withdrawal.<Withdrawal>findById(answer.commandId(), LockModeType.PESSIMISTIC_WRITE)
                        .chain(withdrawal -> withdrawal != null
                                ? guarded("withdrawal", withdrawal, answer, w -> withdrawals.settle(w, answer))
                                : Uni.createFrom().item(new SagaStep("unknown", answer.commandId(),
                                        SagaStep.Result.UNKNOWN_COMMAND, "no top-up or withdrawal has this id"))));
    }

    private static <S extends BankSaga> Uni<SagaStep> guarded(String name, S saga, BankAnswer answer,
                                                              Function<S, Uni<SagaStep>> settle) {
        List<String> disagreements = saga.disagreements(answer);
        if (!disagreements.isEmpty()) {
            return Uni.createFrom().item(new SagaStep(name, saga.id, SagaStep.Result.MISMATCH,
                    String.join(", ", disagreements)));
        }
        if (saga.status.isFinal()) {
            boolean agrees = answer.succeeded() == (saga.status != BankSagaStatus.FAILED);
            return Uni.createFrom().item(new SagaStep(name, saga.id, agrees ? SagaStep.Result.ALREADY_FINAL
                    : SagaStep.Result.CONTRADICTS_FINAL, "already " + saga.status + ", answer "
                    + (answer.succeeded() ? "succeeded" : "failed")));
        }
        return settle.apply(saga);
    }
}
