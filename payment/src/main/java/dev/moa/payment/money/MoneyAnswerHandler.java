package dev.moa.payment.money;

import io.smallrye.mutiny.Uni;

/**
 * A feature that sends commands to money and takes their answers. Called inside the transaction that records the
 * answer as handled; answers {@code true} when the command was its own (and is now settled), {@code false} otherwise.
 * An answer must be applied at most once: a handler changes its state only from the one waiting for this command.
 */
public interface MoneyAnswerHandler {

    Uni<Boolean> onAnswer(MoneyAnswer answer);
}
