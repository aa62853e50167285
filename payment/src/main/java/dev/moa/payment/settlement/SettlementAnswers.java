package dev.moa.payment.settlement;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.payment.SettlementPaid;
import dev.moa.payment.money.MoneyAnswer;
import dev.moa.payment.money.MoneyAnswerHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;

/**
 * Money's answer to a settlement's Transfer: PAID (and SettlementPaid) or FAILED with money's reason; its items stay
 * in the batch (an operator looks at a FAILED batch; it is not paid twice by a rerun).
 */
@ApplicationScoped
public class SettlementAnswers implements MoneyAnswerHandler {

    private final Outbox outbox;
    private final Clock clock;

    public SettlementAnswers(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
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
                        return Uni.createFrom().item(true);
                    }
                    settlement.status = "PAID";
                    settlement.paidAt = now;
                    return outbox.append(Topics.PAYMENT_EVENTS, new SettlementPaid(settlement.id, settlement.payeeKind,
                            settlement.payeeId, settlement.items, settlement.gross, settlement.fee, settlement.net,
                            now)).replaceWith(true);
                });
    }
}
