package dev.moa.money.dues;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.money.DuesCollected;
import dev.moa.events.money.DuesUnpaid;
import dev.moa.money.ledger.Account;
import dev.moa.money.ledger.Ledger;
import dev.moa.money.ledger.Transfer;
import dev.moa.money.ledger.TransferKind;
import dev.moa.money.ledger.TransferOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Collects dues that are due on a given day: creates the missing charges (catch-up included: every month since the
 * plan's first one whose due day has come), then attempts each UNPAID charge not yet attempted that day, each in its
 * own transaction, at most {@code moa.dues.batch} charges per run.
 *
 * <p>Exactly once with several instances: a charge is locked {@code for update skip locked} and re-checked under the
 * lock, so two instances never attempt one charge at once, and a charge paid or attempted today is not attempted
 * again. The transfer's id is derived from the charge's key, so the ledger would refuse a second payment anyway.
 * A charge is PAID in the same transaction as its transfer and its DuesCollected event; a shortfall leaves it UNPAID,
 * counts the attempt, and announces DuesUnpaid on the first one only.
 */
@ApplicationScoped
public class DuesCollection {

    private static final String CREATE = "select moa_create_dues_charges(?1, ?2)";
    private static final String DUE = """
            select c.* from dues_charges c
            join group_roles r on r.group_id = c.group_id and r.member_id = c.member_id
            where c.status = 'UNPAID' and c.due_on <= ?1 and (c.last_attempt_on is null or c.last_attempt_on < ?1)
            order by c.due_on, c.group_id, c.member_id
            limit ?2""";
    private static final String LOCK = """
            select * from dues_charges
            where group_id = ?1 and member_id = ?2 and period = ?3
              and status = 'UNPAID' and (last_attempt_on is null or last_attempt_on < ?4)
            for update skip locked""";

    private final Ledger ledger;
    private final Outbox outbox;
    private final int batch;

    public DuesCollection(Ledger ledger, Outbox outbox,
                          @ConfigProperty(name = "moa.dues.batch", defaultValue = "1000") int batch) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.batch = batch;
    }

    /** What one attempt did. SKIPPED: another instance has it or did it, or a wallet is not open yet. */
    public enum Outcome { PAID, UNPAID, SKIPPED, FAILED }

    /** What a run did: charges created, and the outcome of each attempt. */
    public record Run(int created, int paid, int unpaid, int skipped, int failed) {

        static Run of(int created, List<Outcome> outcomes) {
            return new Run(created, count(outcomes, Outcome.PAID), count(outcomes, Outcome.UNPAID),
                    count(outcomes, Outcome.SKIPPED), count(outcomes, Outcome.FAILED));
        }

        private static int count(List<Outcome> outcomes, Outcome outcome) {
            return (int) outcomes.stream().filter(outcome::equals).count();
        }
    }

    /** Collects what is due on {@code today} (Asia/Seoul). Needs a Vert.x context; opens its own transactions. */
    public Uni<Run> collect(LocalDate today) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(CREATE, Integer.class)
                                .setParameter(1, today).setParameter(2, batch).getSingleResult()
                                .chain(created -> session.createNativeQuery(DUE, DuesCharge.class)
                                        .setParameter(1, today).setParameter(2, batch).getResultList()
                                        .map(due -> new Due(created, due.stream().map(c -> c.id).toList())))))
                .chain(due -> Multi.createFrom().iterable(due.charges())
                        .onItem().transformToUniAndConcatenate(key -> attempt(key, today))
                        .collect().asList()
                        .map(outcomes -> Run.of(due.created(), outcomes)));
    }

    private record Due(int created, List<DuesCharge.Key> charges) {
    }

    private Uni<Outcome> attempt(DuesCharge.Key key, LocalDate today) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(LOCK, DuesCharge.class)
                                .setParameter(1, key.groupId).setParameter(2, key.memberId)
                                .setParameter(3, key.period).setParameter(4, today)
                                .getResultList())
                        .chain(locked -> locked.isEmpty() ? Uni.createFrom().item(Outcome.SKIPPED)
                                : pay(locked.get(0), today)))
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("dues charge %s failed, a later run retries it: %s", key, e.getMessage());
                    return Outcome.FAILED;
                });
    }

    private Uni<Outcome> pay(DuesCharge charge, LocalDate today) {
        if (!charge.transferId.equals(DuesCharge.transferIdOf(charge.id.groupId, charge.id.memberId, charge.id.period))) {
            // The database derives the id as Java does; if the two ever disagree a rerun could pay twice.
            return Uni.createFrom().failure(new IllegalStateException("dues charge " + charge.id
                    + " has transfer id " + charge.transferId + ", not the one derived from its key"));
        }
        return Account.walletOf(Account.Kind.MEMBER_WALLET, charge.id.memberId)
                .chain(from -> Account.walletOf(Account.Kind.GROUP_WALLET, charge.id.groupId).chain(to -> {
                    if (from == null || to == null) {
                        return Uni.createFrom().item(Outcome.SKIPPED);
                    }
                    return ledger.post(new TransferOrder(charge.transferId, from.id, to.id, charge.amount,
                                    TransferKind.DUES, "dues:" + charge.id.groupId + ":" + charge.id.period,
                                    "Dues " + charge.id.period, null))
                            .chain(transfer -> paid(charge, transfer, today))
                            .onFailure(DuesCollection::insufficientFunds).recoverWithUni(() -> unpaid(charge, today));
                }));
    }

    private Uni<Outcome> paid(DuesCharge charge, Transfer transfer, LocalDate today) {
        charge.status = DuesCharge.Status.PAID;
        charge.paidAt = transfer.createdAt;
        charge.attempts++;
        charge.lastAttemptOn = today;
        return outbox.append(Topics.MONEY_EVENTS, new DuesCollected(charge.id.groupId, charge.id.memberId,
                        charge.id.period, charge.amount, transfer.id, transfer.createdAt))
                .replaceWith(Outcome.PAID);
    }

    private Uni<Outcome> unpaid(DuesCharge charge, LocalDate today) {
        boolean first = charge.attempts == 0;
        charge.attempts++;
        charge.lastAttemptOn = today;
        if (!first) {
            return Uni.createFrom().item(Outcome.UNPAID);
        }
        return outbox.append(Topics.MONEY_EVENTS, new DuesUnpaid(charge.id.groupId, charge.id.memberId,
                        charge.id.period, charge.amount, Instant.now()))
                .replaceWith(Outcome.UNPAID);
    }

    private static boolean insufficientFunds(Throwable failure) {
        return failure instanceof ProblemException problem && "insufficient-funds".equals(problem.slug());
    }
}
