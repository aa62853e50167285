package dev.moa.payment.merchant;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.money.AccountRef;
import dev.moa.events.money.Transfer;
import dev.moa.events.payment.PaymentCompleted;
import dev.moa.events.payment.PaymentRefunded;
import dev.moa.payment.money.MoneyAnswer;
import dev.moa.payment.money.MoneyAnswerHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Merchant payments and refunds, each in the caller's transaction. A payment asks money for a Transfer from the payer's
 * wallet to SETTLEMENT_PAYABLE (kind PAYMENT, reference {@code merchant:<id>}); a refund asks for the way back (kind
 * REFUND). A refund reserves its amount on the payment (under the payment's row lock) when asked, so concurrent
 * refunds never exceed what was paid, and gives it back if money refuses it.
 */
@ApplicationScoped
public class PaymentService implements MoneyAnswerHandler {

    public static final long MAX_AMOUNT = 100_000_000;
    private static final AccountRef PAYABLE = AccountRef.system("SETTLEMENT_PAYABLE");

    private final Outbox outbox;
    private final MerchantConfig config;
    private final Clock clock;

    public PaymentService(Outbox outbox, MerchantConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Payment> pay(UUID payerId, UUID merchantId, long amount, String orderRef) {
        return Merchant.<Merchant>findById(merchantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Merchant " + merchantId))
                .chain(merchant -> {
                    Payment payment = new Payment();
                    payment.id = UUID.randomUUID();
                    payment.merchantId = merchant.id;
                    payment.payerId = payerId;
                    payment.amount = amount;
                    payment.orderRef = orderRef;
                    payment.status = Payment.Status.PENDING;
                    payment.commandId = payment.id;
                    payment.createdAt = Instant.now(clock);
                    payment.updatedAt = payment.createdAt;
                    return payment.persist().chain(() -> outbox.append(Topics.MONEY_COMMANDS, new Transfer(
                            payment.commandId, AccountRef.member(payerId), PAYABLE, amount, "PAYMENT",
                            "merchant:" + merchant.id, "Payment " + payment.id, List.of()))).replaceWith(payment);
                });
    }

    /** Refunds {@code amount} of a payment to a merchant of {@code sellerId}'s. */
    public Uni<Refund> refund(UUID sellerId, UUID paymentId, long amount) {
        Instant now = Instant.now(clock);
        return Payment.<Payment>findById(paymentId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Payment " + paymentId))
                .call(payment -> Merchant.<Merchant>findById(payment.merchantId).invoke(merchant -> {
                    if (!merchant.sellerId.equals(sellerId)) {
                        throw ProblemException.notFound("Payment " + paymentId);
                    }
                }))
                .chain(payment -> {
                    if (payment.status != Payment.Status.COMPLETED) {
                        throw ProblemException.conflict("payment-not-completed",
                                "Only a completed payment is refunded");
                    }
                    if (now.isAfter(payment.completedAt.plus(config.refundWindow()))) {
                        throw ProblemException.unprocessable("refund-window-closed", "Refunds are possible for "
                                + config.refundWindow().toDays() + " days after the payment");
                    }
                    if (amount > payment.amount - payment.refunded) {
                        throw ProblemException.unprocessable("refund-exceeds-payment", "At most "
                                + (payment.amount - payment.refunded) + " of this payment can still be refunded");
                    }
                    payment.refunded += amount;
                    payment.updatedAt = now;
                    Refund refund = new Refund();
                    refund.id = UUID.randomUUID();
                    refund.paymentId = payment.id;
                    refund.amount = amount;
                    refund.status = Payment.Status.PENDING;
                    refund.commandId = refund.id;
                    refund.createdAt = now;
                    refund.updatedAt = now;
                    return refund.persist().chain(() -> outbox.append(Topics.MONEY_COMMANDS, new Transfer(
                            refund.commandId, PAYABLE, AccountRef.member(payment.payerId), amount, "REFUND",
                            "merchant:" + payment.merchantId, "Refund of payment " + payment.id, List.of())))
                            .replaceWith(refund);
                });
    }

    @Override
    public Uni<Boolean> onAnswer(MoneyAnswer answer) {
        return Payment.<Payment>find("commandId", answer.commandId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(payment -> payment != null ? paymentAnswered(payment, answer).replaceWith(true)
                        : Refund.<Refund>find("commandId", answer.commandId())
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                        .chain(refund -> refund == null ? Uni.createFrom().item(false)
                                : refundAnswered(refund, answer).replaceWith(true)));
    }

    private Uni<?> paymentAnswered(Payment payment, MoneyAnswer answer) {
        if (payment.status != Payment.Status.PENDING) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now(clock);
        payment.updatedAt = now;
        if (!answer.ok()) {
            payment.status = Payment.Status.FAILED;
            payment.failureReason = answer.reason();
            return Uni.createFrom().voidItem();
        }
        payment.status = Payment.Status.COMPLETED;
        payment.completedAt = now;
        return outbox.append(Topics.PAYMENT_EVENTS, new PaymentCompleted(payment.id, payment.merchantId,
                payment.payerId, payment.amount, payment.orderRef, now));
    }

    private Uni<?> refundAnswered(Refund refund, MoneyAnswer answer) {
        return Payment.<Payment>findById(refund.paymentId, LockModeType.PESSIMISTIC_WRITE).chain(payment -> {
            if (refund.status != Payment.Status.PENDING) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now(clock);
            refund.updatedAt = now;
            if (!answer.ok()) {
                refund.status = Payment.Status.FAILED;
                refund.failureReason = answer.reason();
                payment.refunded -= refund.amount;
                payment.updatedAt = now;
                return Uni.createFrom().voidItem();
            }
            return Refund.<Refund>list("paymentId = ?1 and status = ?2", payment.id, Payment.Status.COMPLETED)
                    .chain(done -> {
                        long total = done.stream().mapToLong(r -> r.amount).sum() + refund.amount;
                        refund.status = Payment.Status.COMPLETED;
                        refund.completedAt = now;
                        return outbox.append(Topics.PAYMENT_EVENTS, new PaymentRefunded(refund.id, payment.id,
                                payment.merchantId, payment.payerId, refund.amount, total, now));
                    });
        });
    }
}
