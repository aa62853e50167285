package dev.moa.notifications.payment;

import dev.moa.events.payment.AuctionPaymentCompleted;
import dev.moa.events.payment.AuctionPaymentFailed;
import dev.moa.events.payment.PaymentCompleted;
import dev.moa.events.payment.PaymentRefunded;
import dev.moa.events.payment.SecondChanceOffered;
import dev.moa.events.payment.SettlementPaid;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Notice;
import dev.moa.notifications.notice.NoticeRegistry;
import dev.moa.notifications.notice.NoticeRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code payment.events}, the lots and payments. A lot is won (buyer, a receipt) and sold (seller) only from
 * AuctionPaymentCompleted, after the winner's hold was captured; a failed charge tells the buyer (receipt) and the
 * seller (the lot is theirs again). Merchant payments and refunds are the payer's receipts. A settlement is the payee's
 * receipt when the payee is a SELLER (a member); a MERCHANT payee is not a member and is told nothing here.
 * Subscriptions: {@link SubscriptionRules}.
 */
@ApplicationScoped
public class PaymentRules implements NoticeRules {

    static final DateTimeFormatter KST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Seoul"));

    @Override
    public void register(NoticeRegistry registry) {
        registry.on("dev.moa.payment.AuctionPaymentCompleted", AuctionPaymentCompleted.class, event -> Uni
                        .createFrom().item(List.of(
                                Notice.of(event.buyerId(), Category.RECEIPT, "lot-won", event.lotId())
                                        .with("hammerPrice", positive(event.hammerPrice()))
                                        .with("premium", event.premium()).with("total", positive(event.total())),
                                Notice.of(event.sellerId(), Category.AUCTION, "lot-sold", event.lotId())
                                        .with("hammerPrice", positive(event.hammerPrice())))))
                .on("dev.moa.payment.AuctionPaymentFailed", AuctionPaymentFailed.class, event -> Uni
                        .createFrom().item(List.of(
                                Notice.of(event.buyerId(), Category.RECEIPT, "lot-payment-failed", event.lotId())
                                        .with("total", positive(event.total())).with("reason", event.reason()),
                                Notice.of(event.sellerId(), Category.AUCTION, "lot-sale-failed", event.lotId())
                                        .with("total", positive(event.total())))))
                .onEach("dev.moa.payment.SecondChanceOffered", SecondChanceOffered.class, event -> Notice
                        .of(event.bidderId(), Category.AUCTION, "second-chance-offered", event.offerId())
                        .with("price", positive(event.price())).with("expiresAt", at(event.expiresAt())))
                .onEach("dev.moa.payment.PaymentCompleted", PaymentCompleted.class, event -> Notice
                        .of(event.payerId(), Category.RECEIPT, "payment-completed", event.paymentId())
                        .with("amount", positive(event.amount())).with("orderRef", event.orderRef()))
                .onEach("dev.moa.payment.PaymentRefunded", PaymentRefunded.class, event -> Notice
                        .of(event.payerId(), Category.RECEIPT, "payment-refunded", event.paymentId())
                        .with("amount", positive(event.amount())).with("refundedTotal", event.refundedTotal()))
                .onEach("dev.moa.payment.SettlementPaid", SettlementPaid.class, event -> "SELLER"
                        .equals(event.payeeKind())
                        ? Notice.of(event.payeeId(), Category.RECEIPT, "settlement-paid", event.settlementId())
                        .with("net", positive(event.net())).with("gross", event.gross()).with("fee", event.fee())
                        .with("items", event.items())
                        : null);
    }

    /** A moment as people in Korea read it, or null. */
    public static String at(Instant instant) {
        return instant == null ? null : KST.format(instant);
    }

    static long positive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("an amount must be positive, was " + amount);
        }
        return amount;
    }
}
