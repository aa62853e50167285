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
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Objects;

import static dev.moa.notifications.payment.PaymentRules.at;
import static dev.moa.notifications.payment.PaymentRules.positive;

/**
 * {@code payment.events}, subscriptions. Whatever concerns a subscription's charges (started, renewed, payment failed,
 * past due, canceled) is the subscriber's RECEIPT (mandatory). PlanPriceChanged names no subscriber, and this service
 * keeps no copy of who subscribes to which plan: it tells the seller who changed the price (SUBSCRIPTION, a
 * confirmation that subscribers pay the new price from their next period).
 */
@ApplicationScoped
public class SubscriptionRules implements NoticeRules {

    @Override
    public void register(NoticeRegistry registry) {
        registry.onEach("dev.moa.payment.SubscriptionStarted", SubscriptionStarted.class, event -> Notice
                        .of(event.subscriberId(), Category.RECEIPT, "subscription-started", event.subscriptionId())
                        .with("price", positive(event.price()))
                        .with("period", Objects.requireNonNull(event.period(), "a plan period"))
                        .with("trialEndsAt", at(event.trialEndsAt())).with("firstChargeAt", at(event.firstChargeAt())))
                .onEach("dev.moa.payment.SubscriptionRenewed", SubscriptionRenewed.class, event -> Notice
                        .of(event.subscriberId(), Category.RECEIPT, "subscription-renewed", event.subscriptionId())
                        .with("amount", positive(event.amount())).with("periodEnd", at(event.periodEnd())))
                .onEach("dev.moa.payment.SubscriptionPaymentFailed", SubscriptionPaymentFailed.class, event -> Notice
                        .of(event.subscriberId(), Category.RECEIPT, "subscription-payment-failed",
                                event.subscriptionId())
                        .with("amount", positive(event.amount())).with("reason", event.reason())
                        .with("nextAttemptAt", at(event.nextAttemptAt())))
                .onEach("dev.moa.payment.SubscriptionPastDue", SubscriptionPastDue.class, event -> Notice
                        .of(event.subscriberId(), Category.RECEIPT, "subscription-past-due", event.subscriptionId())
                        .with("amount", positive(event.amount())).with("attempts", event.attempts()))
                .onEach("dev.moa.payment.SubscriptionCanceled", SubscriptionCanceled.class, event -> Notice
                        .of(event.subscriberId(), Category.RECEIPT, "subscription-canceled", event.subscriptionId())
                        .with("unpaid", SubscriptionCanceled.UNPAID.equals(event.reason()))
                        .with("endedAt", at(event.endedAt())))
                .onEach("dev.moa.payment.PlanPriceChanged", PlanPriceChanged.class, event -> Notice
                        .of(event.sellerId(), Category.SUBSCRIPTION, "plan-price-changed", event.planId())
                        .with("oldPrice", positive(event.oldPrice())).with("newPrice", positive(event.newPrice())));
    }
}
