package dev.moa.payment.subscription;

import dev.moa.devstack.DevStackResource;
import dev.moa.payment.FakeMoney;
import dev.moa.payment.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.moa.payment.subscription.Subs.Charge;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renewals with the clock moved by the tests (Asia/Seoul) and money played over Kafka by {@link FakeMoney}. Each test
 * has its own seller, plan and subscribers; the job is run as the scheduler runs it, at the instant the test chooses.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class RenewalTest {

    @BeforeAll
    static void money() {
        FakeMoney.start();
    }

    private static Instant at(ZonedDateTime time) {
        return MovableClock.set(time);
    }

    private static ZonedDateTime seoul(int year, int month, int day) {
        return ZonedDateTime.of(year, month, day, 10, 0, 0, 0, dev.moa.payment.clock.SeoulClock.ZONE);
    }

    @Test
    void monthEndsClampToFebruary29thInALeapYearAndReturnToThe31st() {
        at(seoul(2028, 1, 31));
        UUID plan = Subs.plan(UUID.randomUUID(), 9_900, "MONTHLY", 0);
        UUID subscription = Subs.subscribe(UUID.randomUUID(), plan);
        Subs.awaitAnswered(subscription);
        Subs.run(at(seoul(2028, 2, 29)));
        Subs.awaitAnswered(subscription);
        Subs.run(at(seoul(2028, 3, 31)));
        Subs.awaitAnswered(subscription);

        assertThat(Subs.charges(subscription)).extracting(Charge::start, Charge::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29)),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31)),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 3, 31), LocalDate.of(2028, 4, 30)));
        assertThat(Subs.charges(subscription)).extracting(Charge::status).containsOnly("PAID");
        assertThat(Subs.events("SubscriptionRenewed", subscription)).isEqualTo(3);
    }

    @Test
    void aPeriodNotStartedYetIsNotCharged() {
        at(seoul(2027, 1, 31));
        UUID subscription = Subs.subscribe(UUID.randomUUID(), Subs.plan(UUID.randomUUID(), 9_900, "MONTHLY", 0));
        Subs.awaitAnswered(subscription);
        Subs.run(at(seoul(2027, 2, 28).minusMinutes(1)));

        assertThat(Subs.charges(subscription)).hasSize(1);
        Subs.run(at(seoul(2027, 2, 28)));
        assertThat(Subs.charges(subscription)).extracting(Charge::start)
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28));
    }

    @Test
    void threeMissedPeriodsAreCaughtUpOneChargePerPeriod() {
        at(seoul(2027, 3, 10));
        UUID subscription = Subs.subscribe(UUID.randomUUID(), Subs.plan(UUID.randomUUID(), 5_000, "MONTHLY", 0));
        Subs.awaitAnswered(subscription);

        // Down from March 10th to June 11th: the periods of April, May and June are owed.
        Instant back = at(seoul(2027, 6, 11));
        for (int run = 0; run < 5; run++) {
            Subs.run(back);
            Subs.awaitAnswered(subscription);
        }

        assertThat(Subs.charges(subscription)).extracting(Charge::start).containsExactly(LocalDate.of(2027, 3, 10),
                LocalDate.of(2027, 4, 10), LocalDate.of(2027, 5, 10), LocalDate.of(2027, 6, 10));
        assertThat(Subs.charges(subscription)).extracting(Charge::status).containsOnly("PAID");
        assertThat(Subs.transfersAsked(subscription)).isEqualTo(4);
        assertThat(FakeMoney.commandsFor(subscriptionSubscriber(subscription))).hasSize(4);
    }

    @Test
    void twoSchedulersAtOnceChargeEachPeriodOnce() throws Exception {
        at(seoul(2027, 5, 1));
        UUID plan = Subs.plan(UUID.randomUUID(), 1_000, "DAILY", 0);
        List<UUID> subscriptions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            subscriptions.add(Subs.subscribe(UUID.randomUUID(), plan));
        }
        subscriptions.forEach(Subs::awaitAnswered);
        Instant nextDay = at(seoul(2027, 5, 2));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Renewals.Run>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return Subs.run(nextDay);
            }));
        }
        start.countDown();
        for (Future<Renewals.Run> run : runs) {
            run.get();
        }
        pool.shutdown();
        Subs.run(nextDay);

        for (UUID subscription : subscriptions) {
            assertThat(Subs.charges(subscription)).extracting(Charge::index).containsExactly(0, 1);
            assertThat(Subs.transfersAsked(subscription)).isEqualTo(2);
        }
    }

    @Test
    void aRerunChargesNothingMore() {
        at(seoul(2027, 7, 1));
        UUID subscription = Subs.subscribe(UUID.randomUUID(), Subs.plan(UUID.randomUUID(), 1_000, "WEEKLY", 0));
        Subs.awaitAnswered(subscription);
        Instant week = at(seoul(2027, 7, 8));
        Subs.run(week);
        Subs.awaitAnswered(subscription);
        Subs.run(week);
        Subs.run(week);

        assertThat(Subs.charges(subscription)).hasSize(2);
        assertThat(Subs.transfersAsked(subscription)).isEqualTo(2);
    }

    @Test
    void aTrialIsChargedWhenItEnds() {
        Instant start = at(seoul(2027, 8, 1));
        UUID subscription = Subs.subscribe(UUID.randomUUID(), Subs.plan(UUID.randomUUID(), 3_000, "MONTHLY", 14));
        assertThat(Subs.charges(subscription)).isEmpty();
        Subs.run(start.plus(Duration.ofDays(14)).minusSeconds(1));
        assertThat(Subs.charges(subscription)).isEmpty();

        Subs.run(at(seoul(2027, 8, 15)));
        assertThat(Subs.charges(subscription)).extracting(Charge::start, Charge::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 8, 15), LocalDate.of(2027, 9, 15)));
    }

    private static UUID subscriptionSubscriber(UUID subscription) {
        return UUID.fromString(dev.moa.payment.PaymentApi.text(
                "select subscriber_id::text from subscriptions where id = ?", subscription));
    }
}
