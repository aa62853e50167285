package dev.moa.payment.subscription;

import dev.moa.devstack.DevStackResource;
import dev.moa.payment.FakeMoney;
import dev.moa.payment.MovableClock;
import dev.moa.payment.PaymentApi;
import dev.moa.payment.clock.SeoulClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static dev.moa.payment.PaymentApi.as;
import static dev.moa.payment.subscription.Subs.Charge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Dunning, cancel at the end of term, a price change, pause and resume; the clock moved by the tests. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class SubscriptionLifecycleTest {

    @BeforeAll
    static void money() {
        FakeMoney.start();
    }

    private static ZonedDateTime seoul(int year, int month, int day) {
        return ZonedDateTime.of(year, month, day, 10, 0, 0, 0, SeoulClock.ZONE);
    }

    @Test
    void aPaidFirstChargeMakesThePendingSubscriptionActiveAndStartsIt() {
        MovableClock.set(seoul(2029, 7, 1));
        UUID member = UUID.randomUUID();
        UUID plan = Subs.plan(UUID.randomUUID(), 7_000, "MONTHLY", 0);

        String id = Subs.subscribe(member, plan, "key-" + UUID.randomUUID()).then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        UUID subscription = UUID.fromString(id);
        Subs.awaitAnswered(subscription);

        assertThat(Subs.status(subscription)).isEqualTo("ACTIVE");
        assertThat(Subs.events("SubscriptionStarted", subscription)).isEqualTo(1);
        assertThat(Subs.events("SubscriptionRenewed", subscription)).isEqualTo(1);
        assertThat(FakeMoney.appliedFor(member)).isEqualTo(1);
    }

    @Test
    void aRefusedFirstChargeEndsTheSubscriptionAsUnpaidWithoutDunningAndItNeverStarted() {
        Instant start = MovableClock.set(seoul(2029, 7, 2));
        UUID member = UUID.randomUUID();
        UUID plan = Subs.plan(UUID.randomUUID(), 7_000, "MONTHLY", 0);
        FakeMoney.refuse(member, "INSUFFICIENT_FUNDS");
        UUID subscription = Subs.subscribe(member, plan);
        Subs.awaitAnswered(subscription);

        Subs.run(start.plus(Duration.ofDays(1)));
        Subs.run(start.plus(Duration.ofDays(7)));

        assertThat(Subs.status(subscription)).isEqualTo("CANCELED");
        assertThat(Subs.charges(subscription)).extracting(Charge::index, Charge::status, Charge::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "ABANDONED", 1));
        assertThat(Subs.events("SubscriptionPaymentFailed", subscription)).isEqualTo(1);
        assertThat(Subs.events("SubscriptionStarted", subscription)).isZero();
        assertThat(Subs.events("SubscriptionCanceled", subscription)).isEqualTo(1);
        assertThat(PaymentApi.text("select payload->>'reason' from moa_outbox where subject = ? and event_type = "
                + "'dev.moa.payment.SubscriptionCanceled'", subscription.toString())).isEqualTo("UNPAID");
        assertThat(FakeMoney.appliedFor(member)).isZero();
        FakeMoney.allow(member);
        Subs.subscribe(member, plan, "key-" + UUID.randomUUID()).then().statusCode(201);
    }

    @Test
    void aRenewalRefusedAgainAndAgainGoesPastDueThenCanceledAndNothingMoreIsCharged() {
        MovableClock.set(seoul(2029, 9, 1));
        UUID member = UUID.randomUUID();
        UUID subscription = Subs.subscribe(member, Subs.plan(UUID.randomUUID(), 7_000, "MONTHLY", 0));
        Subs.awaitAnswered(subscription);
        FakeMoney.refuse(member, "INSUFFICIENT_FUNDS");
        Instant renewal = MovableClock.set(seoul(2029, 10, 1));

        Subs.run(renewal);
        Subs.awaitAnswered(subscription);
        assertThat(Subs.status(subscription)).isEqualTo("ACTIVE");
        Subs.run(renewal.plus(Duration.ofDays(1)));
        Subs.awaitAnswered(subscription);
        assertThat(Subs.status(subscription)).isEqualTo("PAST_DUE");
        Subs.run(renewal.plus(Duration.ofDays(3)));
        Subs.awaitAnswered(subscription);
        assertThat(Subs.status(subscription)).isEqualTo("PAST_DUE");
        Subs.run(renewal.plus(Duration.ofDays(7)));
        Subs.awaitAnswered(subscription);
        Subs.run(renewal.plus(Duration.ofDays(35)));

        assertThat(Subs.status(subscription)).isEqualTo("CANCELED");
        assertThat(Subs.charges(subscription)).extracting(Charge::index, Charge::status, Charge::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "PAID", 1),
                        org.assertj.core.groups.Tuple.tuple(1, "ABANDONED", 4));
        assertThat(Subs.events("SubscriptionPaymentFailed", subscription)).isEqualTo(4);
        assertThat(Subs.events("SubscriptionPastDue", subscription)).isEqualTo(1);
        assertThat(Subs.events("SubscriptionCanceled", subscription)).isEqualTo(1);
        assertThat(FakeMoney.appliedFor(member)).isEqualTo(1);
    }

    @Test
    void aRetryThatIsPaidMakesThePastDueSubscriptionActiveAgain() {
        MovableClock.set(seoul(2029, 8, 1));
        UUID member = UUID.randomUUID();
        UUID subscription = Subs.subscribe(member, Subs.plan(UUID.randomUUID(), 7_000, "MONTHLY", 0));
        Subs.awaitAnswered(subscription);
        FakeMoney.refuse(member, "INSUFFICIENT_FUNDS");
        Instant renewal = MovableClock.set(seoul(2029, 9, 1));
        Subs.run(renewal);
        Subs.awaitAnswered(subscription);
        Subs.run(renewal.plus(Duration.ofDays(1)));
        Subs.awaitAnswered(subscription);
        assertThat(Subs.status(subscription)).isEqualTo("PAST_DUE");

        FakeMoney.allow(member);
        Subs.run(renewal.plus(Duration.ofDays(3)));
        Subs.awaitAnswered(subscription);

        assertThat(Subs.status(subscription)).isEqualTo("ACTIVE");
        assertThat(Subs.charges(subscription)).extracting(Charge::status, Charge::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PAID", 1),
                        org.assertj.core.groups.Tuple.tuple("PAID", 3));
        assertThat(FakeMoney.appliedFor(member)).isEqualTo(2);
    }

    @Test
    void aCanceledSubscriptionRunsToTheEndOfItsTermAndIsNotChargedAfter() {
        MovableClock.set(seoul(2029, 11, 5));
        UUID member = UUID.randomUUID();
        UUID subscription = Subs.subscribe(member, Subs.plan(UUID.randomUUID(), 7_000, "MONTHLY", 0));
        Subs.awaitAnswered(subscription);

        as(member).post("/subscriptions/" + subscription + "/cancel").then().statusCode(200)
                .body("cancelAtPeriodEnd", equalTo(true)).body("nextChargeAt", nullValue())
                .body("status", equalTo("ACTIVE"));
        Subs.run(MovableClock.set(seoul(2029, 12, 5)));

        assertThat(Subs.charges(subscription)).hasSize(1);
        assertThat(Subs.status(subscription)).isEqualTo("CANCELED");
        assertThat(PaymentApi.text("select (ended_at at time zone 'Asia/Seoul')::date::text from subscriptions "
                + "where id = ?", subscription)).isEqualTo("2029-12-05");
        assertThat(Subs.events("SubscriptionCanceled", subscription)).isEqualTo(1);
    }

    @Test
    void aNewPriceAppliesFromTheNextPeriod() {
        MovableClock.set(seoul(2030, 1, 15));
        UUID seller = UUID.randomUUID();
        UUID plan = Subs.plan(seller, 10_000, "MONTHLY", 0);
        UUID subscription = Subs.subscribe(UUID.randomUUID(), plan);
        Subs.awaitAnswered(subscription);

        as(seller, "MEMBER", "SELLER").contentType(ContentType.JSON).body(Map.of("price", 12_000))
                .patch("/plans/" + plan).then().statusCode(200).body("price", equalTo(12_000));
        Subs.run(MovableClock.set(seoul(2030, 2, 15)));

        assertThat(Subs.charges(subscription)).extracting(Charge::amount).containsExactly(10_000L, 12_000L);
        assertThat(PaymentApi.outboxed("payment.events", "dev.moa.payment.PlanPriceChanged", plan)).isEqualTo(1);
    }

    @Test
    void nothingIsChargedWhilePausedAndAResumedSubscriptionStartsAFreshPeriod() {
        MovableClock.set(seoul(2030, 3, 1));
        UUID member = UUID.randomUUID();
        UUID subscription = Subs.subscribe(member, Subs.plan(UUID.randomUUID(), 500, "DAILY", 0));
        Subs.awaitAnswered(subscription);
        as(member).post("/subscriptions/" + subscription + "/pause").then().statusCode(200)
                .body("status", equalTo("PAUSED"));
        Subs.run(MovableClock.set(seoul(2030, 3, 4)));
        assertThat(Subs.charges(subscription)).hasSize(1);

        as(member).post("/subscriptions/" + subscription + "/resume").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        Subs.run(MovableClock.set(seoul(2030, 3, 4)));

        assertThat(Subs.charges(subscription)).extracting(Charge::start)
                .containsExactly(LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 4));
    }
}
