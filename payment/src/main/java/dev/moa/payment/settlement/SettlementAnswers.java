package dev.moa.payment.settlement;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.payment.SettlementPaid;
import dev.moa.payment.money.MoneyAnswer;
import dev.moa.payment.money.MoneyAnswerHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Money's answer to a settlement's Transfer: PAID (and SettlementPaid), or FAILED with money's reason: nothing was
 * paid, so the batch lets its items go and the next day's batch settles them (the FAILED batch stays as the record).
 */
@ApplicationScoped
public class SettlementAnswers implements MoneyAnswerHandler {

    private static final String RELEASE = """
            with orders_released as (update orders set settlement_id = null where settlement_id = ?1 returning id),
                 payments_released as (update payments set settlement_id = null where settlement_id = ?1 returning id)
            update refunds set settlement_id = null where settlement_id = ?1""";

    private final Outbox outbox;
    private final Clock clock;

    public SettlementAnswers(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    private static Uni<Void> release(UUID settlementId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RELEASE)
                .setParameter(1, settlementId).executeUpdate()).replaceWithVoid();
    }

    @Override
    public Uni<Boolean> onAnswer(MoneyAnswer answer) {
        return Settlement.<Settlement>find("commandId", answer.commandId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().chain(settlement -> {
                    if (settlement == null) {
                        return Uni.createFrom().item(false);
                    }
                    if (!"PENDING".equals(settlement.status)) {
                        return Uni.createFrom().item(true);
                    }
                    Instant now = Instant.now(clock);
                    settlement.updatedAt = now;
                    if (!answer.ok()) {
                        settlement.status = "FAILED";
                        settlement.failureReason = answer.reason();
                        return release(settlement.id).replaceWith(true);
                    }
                    settlement.status = "PAID";
                    settlement.paidAt = now;
                    return outbox.append(Topics.PAYMENT_EVENTS, new SettlementPaid(settlement.id, settlement.payeeKind,
                            settlement.payeeId, settlement.items, settlement.gross, settlement.fee, settlement.net,
                            now)).replaceWith(true);
                });
    }
}
