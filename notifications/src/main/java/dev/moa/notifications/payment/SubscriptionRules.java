package dev.moa.notifications.payment;

import dev.moa.events.payment.PlanPriceChanged;
import dev.moa.events.payment.SubscriptionCanceled;
import dev.moa.events.payment.SubscriptionPastDue;
import dev.moa.events.payment.SubscriptionPaymentFailed;
import dev.moa.events.payment.SubscriptionRenewed;
import dev.moa.events.payment.SubscriptionStarted;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Notice;
import dev.moa.notifications.notice.NoticeRegistry;
import dev.moa.notifications.notice.NoticeRules;
import dev.moa.notifications.subscriber.PriceChangeFanout;
import dev.moa.notifications.subscriber.Subscribers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;

import static dev.moa.notifications.payment.PaymentRules.at;
import static dev.moa.notifications.payment.PaymentRules.positive;

/**
 * {@code payment.events}, subscriptions. Whatever concerns a subscription's charges (started, renewed, payment failed,
 * past due, canceled) is the subscriber's RECEIPT (mandatory). These events also keep the service's own copy of who
 * subscribes to which plan ({@link Subscribers}). PlanPriceChanged names no subscriber: it tells the seller who changed
 * the price, and records a fan-out that {@link PriceChangeFanout} tells to each active subscriber of the plan, a page
 * at a time (SUBSCRIPTION, switchable). A subscriber whose Subscription* event is handled after the price change (the
 * events are keyed by subscription, the change by plan) is not told: their next charge and its receipt show the price.
 */
@ApplicationScoped
public class SubscriptionRules implements NoticeRules {

    private final Subscribers subscribers;
    private final PriceChangeFanout fanout;

    public SubscriptionRules(Subscribers subscribers, PriceChangeFanout fanout) {
        this.subscribers = subscribers;
        this.fanout = fanout;
    }

    @Override
    public void register(NoticeRegistry registry) {
        registry.on("dev.moa.payment.SubscriptionStarted", SubscriptionStarted.class, event -> subscribers
                        .active(event.subscriptionId(), event.planId(), event.subscriberId(),
                                event.trialEndsAt() == null ? null : event.firstChargeAt(), event.occurredAt())
                        .replaceWith(List.of(Notice
                                .of(event.subscriberId(), Category.RECEIPT, "subscription-started",
                                        event.subscriptionId())
                                .with("price", positive(event.price()))
                                .with("period", Objects.requireNonNull(event.period(), "a plan period"))
                                .with("trialEndsAt", at(event.trialEndsAt()))
                                .with("firstChargeAt", at(event.firstChargeAt())))))
                .on("dev.moa.payment.SubscriptionRenewed", SubscriptionRenewed.class, event -> subscribers
                        .active(event.subscriptionId(), event.planId(), event.subscriberId(), event.periodEnd(),
                                event.occurredAt())
                        .replaceWith(List.of(Notice
                                .of(event.subscriberId(), Category.RECEIPT, "subscription-renewed",
                                        event.subscriptionId())
                                .with("amount", positive(event.amount())).with("periodEnd", at(event.periodEnd())))))
                .on("dev.moa.payment.SubscriptionPaymentFailed", SubscriptionPaymentFailed.class, event -> subscribers
                        .active(event.subscriptionId(), event.planId(), event.subscriberId(), null, event.occurredAt())
                        .replaceWith(List.of(Notice
                                .of(event.subscriberId(), Category.RECEIPT, "subscription-payment-failed",
                                        event.subscriptionId())
                                .with("amount", positive(event.amount())).with("reason", event.reason())
                                .with("nextAttemptAt", at(event.nextAttemptAt())))))
                .on("dev.moa.payment.SubscriptionPastDue", SubscriptionPastDue.class, event -> subscribers
                        .active(event.subscriptionId(), event.planId(), event.subscriberId(), null, event.occurredAt())
                        .replaceWith(List.of(Notice
                                .of(event.subscriberId(), Category.RECEIPT, "subscription-past-due",
                                        event.subscriptionId())
                                .with("amount", positive(event.amount())).with("attempts", event.attempts()))))
                .on("dev.moa.payment.SubscriptionCanceled", SubscriptionCanceled.class, event -> subscribers
                        .ended(event.subscriptionId(), event.planId(), event.subscriberId(), event.occurredAt())
                        .replaceWith(List.of(Notice
                                .of(event.subscriberId(), Category.RECEIPT, "subscription-canceled",
                                        event.subscriptionId())
                                .with("unpaid", SubscriptionCanceled.UNPAID.equals(event.reason()))
                                .with("endedAt", at(event.endedAt())))))
                .on("dev.moa.payment.PlanPriceChanged", PlanPriceChanged.class, this::priceChanged);
    }

    /** The seller is told at once; the subscribers by the fan-out, after this transaction commits. */
    private Uni<List<Notice>> priceChanged(PlanPriceChanged event) {
        Notice seller = Notice.of(event.sellerId(), Category.SUBSCRIPTION, "plan-price-changed", event.planId())
                .with("oldPrice", positive(event.oldPrice())).with("newPrice", positive(event.newPrice()));
        return fanout.record(event.planId(), event.oldPrice(), event.newPrice(), event.occurredAt())
                .replaceWith(List.of(seller));
    }
}
