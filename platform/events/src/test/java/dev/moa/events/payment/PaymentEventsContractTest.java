package dev.moa.events.payment;

import dev.moa.events.JsonContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the JSON form of payment's events ({@code payment.events}). */
class PaymentEventsContractTest {

    private static final Instant AT = Instant.parse("2026-11-29T09:00:05Z");
    private static final Instant START = Instant.parse("2026-01-30T15:00:00Z");
    private static final Instant END = Instant.parse("2026-02-27T15:00:00Z");
    private static final UUID ORDER = UUID.fromString("3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final UUID LOT = UUID.fromString("5b1f0a3c-2d4e-4f60-8a7b-9c0d1e2f3a4b");
    private static final UUID SELLER = UUID.fromString("6c2a1b4d-3e5f-4a71-9b8c-0d1e2f3a4b5c");
    private static final UUID BUYER = UUID.fromString("0b7e3f0c-5a3e-4c7a-9a51-3c2d1e0f9a11");
    private static final UUID MERCHANT = UUID.fromString("8e2f3a41-5b6c-4d7e-9f80-1a2b3c4d5e6f");
    private static final UUID PAYMENT = UUID.fromString("9f3a4b52-6c7d-4e8f-8a91-2b3c4d5e6f70");
    private static final UUID REFUND = UUID.fromString("a04b5c63-7d8e-4f90-9ba2-3c4d5e6f7081");
    private static final UUID SUBSCRIPTION = UUID.fromString("b15c6d74-8e9f-4a01-8cb3-4d5e6f708192");
    private static final UUID PLAN = UUID.fromString("c26d7e85-9fa0-4b12-9dc4-5e6f708192a3");
    private static final UUID SETTLEMENT = UUID.fromString("d37e8f96-a0b1-4c23-8ed5-6f708192a3b4");

    @Test
    void auctionPaymentCompleted() {
        JsonContract.assertPinned(new AuctionPaymentCompleted(ORDER, LOT, BUYER, SELLER, 2_100_000, 210_000,
                2_310_000, AT), "payment/auction-payment-completed.json");
    }

    @Test
    void auctionPaymentFailed() {
        JsonContract.assertPinned(new AuctionPaymentFailed(ORDER, LOT, BUYER, SELLER, 2_310_000, "INSUFFICIENT_FUNDS",
                AT), "payment/auction-payment-failed.json");
    }

    @Test
    void secondChanceOffered() {
        JsonContract.assertPinned(new SecondChanceOffered(REFUND, LOT, BUYER, SELLER, 2_000_000,
                AT.plusSeconds(86_400), AT), "payment/second-chance-offered.json");
    }

    @Test
    void paymentCompleted() {
        JsonContract.assertPinned(new PaymentCompleted(PAYMENT, MERCHANT, BUYER, 45_000, "table-7", AT),
                "payment/payment-completed.json");
    }

    @Test
    void paymentRefunded() {
        JsonContract.assertPinned(new PaymentRefunded(REFUND, PAYMENT, MERCHANT, BUYER, 15_000, 20_000, AT),
                "payment/payment-refunded.json");
    }

    @Test
    void subscriptionStarted() {
        JsonContract.assertPinned(new SubscriptionStarted(SUBSCRIPTION, PLAN, BUYER, SELLER, 9_900, "MONTHLY", END,
                END, START), "payment/subscription-started.json");
    }

    @Test
    void subscriptionRenewed() {
        JsonContract.assertPinned(new SubscriptionRenewed(SUBSCRIPTION, PLAN, BUYER, SELLER, 9_900, START, END, AT),
                "payment/subscription-renewed.json");
    }

    @Test
    void subscriptionPaymentFailed() {
        JsonContract.assertPinned(new SubscriptionPaymentFailed(SUBSCRIPTION, PLAN, BUYER, 9_900, START, 1,
                "INSUFFICIENT_FUNDS", END, AT), "payment/subscription-payment-failed.json");
    }

    @Test
    void subscriptionPastDue() {
        JsonContract.assertPinned(new SubscriptionPastDue(SUBSCRIPTION, PLAN, BUYER, 9_900, START, 3, AT),
                "payment/subscription-past-due.json");
    }

    @Test
    void subscriptionCanceled() {
        JsonContract.assertPinned(new SubscriptionCanceled(SUBSCRIPTION, PLAN, BUYER, SubscriptionCanceled.MEMBER, END,
                AT), "payment/subscription-canceled.json");
    }

    @Test
    void planPriceChanged() {
        JsonContract.assertPinned(new PlanPriceChanged(PLAN, SELLER, 9_900, 12_900, AT),
                "payment/plan-price-changed.json");
    }

    @Test
    void settlementPaid() {
        JsonContract.assertPinned(new SettlementPaid(SETTLEMENT, "SELLER", SELLER, 3, 1_000_005, 30_000, 970_005, AT),
                "payment/settlement-paid.json");
    }

    @Test
    void eventsAreKeyedByTheirAggregate() {
        assertThat(new AuctionPaymentCompleted(ORDER, LOT, BUYER, SELLER, 1, 0, 1, AT).subject())
                .isEqualTo(ORDER.toString());
        assertThat(new PaymentRefunded(REFUND, PAYMENT, MERCHANT, BUYER, 1, 1, AT).subject())
                .isEqualTo(PAYMENT.toString());
        assertThat(new SubscriptionPastDue(SUBSCRIPTION, PLAN, BUYER, 1, START, 3, AT).subject())
                .isEqualTo(SUBSCRIPTION.toString());
        assertThat(new PlanPriceChanged(PLAN, SELLER, 1, 2, AT).subject()).isEqualTo(PLAN.toString());
        assertThat(new SettlementPaid(SETTLEMENT, "MERCHANT", MERCHANT, 1, 1, 0, 1, AT).eventType())
                .isEqualTo("dev.moa.payment.SettlementPaid");
    }
}
