package dev.moa.money.ledger;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.money.TransferPosted;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Posts transfers. Call inside the transaction of the request or command that moves the money; the transfer, both
 * balances and the {@code TransferPosted} event commit together or not at all. Posting the same order again (same
 * id, same terms) answers the first transfer and emits nothing; the same id with other terms is a 409.
 */
@ApplicationScoped
public class Ledger {

    /** Put a limit on everything: a batch of linked transfers is a few legs, not a bulk import. */
    public static final int MAX_LINKED = 16;

    private static final String POST = "select moa_post_transfer(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    private final Outbox outbox;

    public Ledger(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Transfer> post(TransferOrder order) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(POST, String.class)
                        .setParameter(1, order.id())
                        .setParameter(2, order.debitAccountId())
                        .setParameter(3, order.creditAccountId())
                        .setParameter(4, order.amount())
                        .setParameter(5, order.kind().name())
                        .setParameter(6, order.reference())
                        .setParameter(7, order.memo())
                        .setParameter(8, order.initiatedBy())
                        .getSingleResult())
                .chain(outcome -> switch (outcome) {
                    case "POSTED" -> announce(order);
                    case "DUPLICATE" -> existing(order);
                    case "INSUFFICIENT_FUNDS" -> Uni.createFrom().failure(LedgerProblems.insufficientFunds());
                    case "OVERFLOW" -> Uni.createFrom().failure(LedgerProblems.overflow());
                    case "SAME_ACCOUNT" -> Uni.createFrom().failure(LedgerProblems.sameAccount());
                    case "CURRENCY_MISMATCH" -> Uni.createFrom().failure(LedgerProblems.currencyMismatch());
                    default -> Uni.createFrom().failure(ProblemException.notFound("An account of the transfer"));
                });
    }

    /**
     * Linked transfers: posts every order, in order, in the caller's transaction, or none of them. When one is
     * refused the returned Uni fails with {@link LinkedTransferFailed} (naming it and why), and the caller's
     * transaction must roll back, which undoes the ones posted before it; every caller runs this inside
     * {@code Panache.withTransaction} (or {@code @WithTransaction}), where a failure rolls back. Orders already
     * posted (a replay) answer their first transfer, as {@link #post} does.
     */
    public Uni<List<Transfer>> postAll(List<TransferOrder> orders) {
        if (orders.size() > MAX_LINKED) {
            return Uni.createFrom().failure(ProblemException.unprocessable("too-many-linked-transfers",
                    "At most " + MAX_LINKED + " transfers can be linked"));
        }
        if (new HashSet<>(orders.stream().map(TransferOrder::id).toList()).size() != orders.size()) {
            return Uni.createFrom().failure(ProblemException.unprocessable("transfer-id-reused",
                    "Linked transfers need distinct ids"));
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "linked transfers need the caller's transaction, to roll back together"))
                .chain(transaction -> Multi.createFrom().iterable(orders)
                        .onItem().transformToUniAndConcatenate(order -> post(order)
                                .onFailure(ProblemException.class)
                                .transform(e -> new LinkedTransferFailed(order.id(), (ProblemException) e)))
                        .collect().asList());
    }

    /**
     * Emits {@code TransferPosted} for a transfer that another ledger function posted in this transaction (a hold's
     * capture): every posted transfer is announced exactly once.
     */
    public Uni<Transfer> announce(UUID transferId) {
        return Transfer.<Transfer>findById(transferId).chain(transfer -> announce(new TransferOrder(transfer.id,
                transfer.debitAccountId, transfer.creditAccountId, transfer.amount, transfer.kind, transfer.reference,
                transfer.memo, transfer.initiatedBy)));
    }

    private Uni<Transfer> announce(TransferOrder order) {
        return Account.<Account>findById(order.debitAccountId())
                .chain(debit -> Account.<Account>findById(order.creditAccountId())
                        .chain(credit -> Transfer.<Transfer>findById(order.id())
                                .call(transfer -> outbox.append(Topics.MONEY_EVENTS, new TransferPosted(transfer.id,
                                        debit.id, debit.ownerId, credit.id, credit.ownerId, transfer.amount,
                                        debit.currency, transfer.kind.name(), transfer.reference, transfer.memo,
                                        transfer.createdAt)))));
    }

    private static Uni<Transfer> existing(TransferOrder order) {
        return Transfer.<Transfer>findById(order.id()).map(transfer -> {
            boolean same = transfer.debitAccountId.equals(order.debitAccountId())
                    && transfer.creditAccountId.equals(order.creditAccountId())
                    && transfer.amount == order.amount()
                    && transfer.kind == order.kind()
                    && Objects.equals(transfer.initiatedBy, order.initiatedBy());
            if (!same) {
                throw LedgerProblems.duplicateTransferWithOtherTerms();
            }
            return transfer;
        });
    }
}
