package dev.moa.money.dues;

import dev.moa.events.membership.MemberRegistered;
import dev.moa.money.MoneyApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The collection job, called as the scheduler calls it but with the day chosen by the test (each test its own group;
 * runs for other tests' groups in between do not change these).
 */
@QuarkusTest
class DuesCollectionTest {

    private static final long DUES = 10_000;

    /** A group of an owner and {@code others} members, each funded with {@code funds}. */
    private static List<UUID> members(UUID group, UUID owner, int others, long funds) {
        List<UUID> members = new ArrayList<>(List.of(owner));
        for (int i = 0; i < others; i++) {
            UUID member = MoneyApi.newMember();
            MoneyApi.join(group, member, "MEMBER");
            members.add(member);
        }
        if (funds > 0) {
            members.forEach(member -> MoneyApi.fund(member, funds));
        }
        return members;
    }

    @Test
    void onTheDueDayEachMemberPaysOnceIntoTheGroupWallet() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        List<UUID> members = members(group, owner, 2, 50_000);
        LocalDate due = Dues.plan(owner, group, DUES, 15);
        YearMonth period = YearMonth.from(due);

        Dues.collect(due.minusDays(1));
        assertThat(MoneyApi.count("select count(*) from dues_charges where group_id = ?", group)).isZero();

        Dues.collect(due);
        Dues.collect(due);
        Dues.collect(due.plusDays(1));

        assertThat(MoneyApi.balanceOf(group)).isEqualTo(3 * DUES);
        for (UUID member : members) {
            assertThat(MoneyApi.balanceOf(member)).isEqualTo(50_000 - DUES);
            assertThat(Dues.status(group, member, period)).isEqualTo("PAID");
            assertThat(MoneyApi.count("select count(*) from transfers where id = ? and kind = 'DUES' and amount = ?",
                    Dues.transferId(group, member, period), DUES)).isOne();
        }
        Dues.month(members.get(1), group, period).then().statusCode(200)
                .body("amount", equalTo((int) DUES))
                .body("members.size()", equalTo(3))
                .body("members.status", hasItems("PAID", "PAID", "PAID"))
                .body("members.find { it.memberId == '" + owner + "' }.paidAt", notNullValue());
        Dues.month(members.get(1), group, period.plusMonths(1)).then().statusCode(200)
                .body("members.status", hasItems("NOT_DUE_YET"))
                .body("members[0].paidAt", nullValue());

        List<Map<String, Object>> collected = Dues.published("DuesCollected", group, 3);
        assertThat(collected).extracting(event -> event.get("memberId"))
                .containsExactlyInAnyOrderElementsOf(members.stream().map(UUID::toString).toList());
        assertThat(collected).extracting(event -> event.get("period")).containsOnly(period.toString());
    }

    @Test
    void twoSchedulersAtOnceChargeEachMemberAndMonthExactlyOnce() throws Exception {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        List<UUID> members = members(group, owner, 7, 100_000);
        LocalDate due = Dues.plan(owner, group, DUES, 5);
        List<LocalDate> days = List.of(due, due, due.plusDays(1), due.plusMonths(1), due.plusMonths(1),
                due.plusMonths(1).plusDays(1));

        CountDownLatch start = new CountDownLatch(1);
        int paidByRuns = 0;
        ExecutorService schedulers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(schedulers.submit(() -> {
                    start.await();
                    int paid = 0;
                    for (LocalDate day : days) {
                        paid += Dues.collect(day).paid();
                    }
                    return paid;
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                paidByRuns += run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            schedulers.shutdownNow();
        }

        List<YearMonth> periods = List.of(YearMonth.from(due), YearMonth.from(due).plusMonths(1));
        for (UUID member : members) {
            assertThat(MoneyApi.balanceOf(member)).isEqualTo(100_000 - 2 * DUES);
            for (YearMonth period : periods) {
                assertThat(Dues.status(group, member, period)).isEqualTo("PAID");
                assertThat(Dues.attempts(group, member, period)).isOne();
                assertThat(MoneyApi.count("select count(*) from transfers where id = ?",
                        Dues.transferId(group, member, period))).isOne();
                assertThat(Dues.outboxed("DuesCollected", group, member, period)).isOne();
            }
        }
        int expected = members.size() * periods.size();
        // Other tests' charges due on these days may be paid by these runs too, but every one of this group once.
        assertThat(paidByRuns).isGreaterThanOrEqualTo(expected);
        assertThat(MoneyApi.count("select count(*) from dues_charges where group_id = ?", group)).isEqualTo(expected);
        assertThat(MoneyApi.count("select count(*) from transfers where credit_account_id = ? and kind = 'DUES'",
                MoneyApi.walletOf(group))).isEqualTo(expected);
        assertThat(MoneyApi.balanceOf(group)).isEqualTo(expected * DUES);

        List<Map<String, Object>> collected = Dues.published("DuesCollected", group, expected);
        assertThat(collected).hasSize(expected)
                .extracting(event -> event.get("memberId") + "/" + event.get("period"))
                .doesNotHaveDuplicates();
    }

    @Test
    void afterDowntimeTheMissedMonthsAreCollected() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        List<UUID> members = members(group, owner, 2, 3 * DUES);
        LocalDate due = Dues.plan(owner, group, DUES, 20);
        YearMonth first = YearMonth.from(due);

        // The job did not run for two months: the first run collects the two missed months and the current one.
        Dues.collect(due.plusMonths(2));

        for (UUID member : members) {
            for (YearMonth period : List.of(first, first.plusMonths(1), first.plusMonths(2))) {
                assertThat(Dues.status(group, member, period)).isEqualTo("PAID");
            }
            assertThat(Dues.status(group, member, first.plusMonths(3))).isNull();
            assertThat(MoneyApi.balanceOf(member)).isZero();
        }
        assertThat(MoneyApi.balanceOf(group)).isEqualTo(9 * DUES);
    }

    @Test
    void missedMonthsAreCollectedAsFarAsTheFundsGo() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        members(group, owner, 0, 2 * DUES + DUES / 2);
        LocalDate due = Dues.plan(owner, group, DUES, 20);
        YearMonth first = YearMonth.from(due);

        Dues.collect(due.plusMonths(2));

        assertThat(Dues.status(group, owner, first)).isEqualTo("PAID");
        assertThat(Dues.status(group, owner, first.plusMonths(1))).isEqualTo("PAID");
        assertThat(Dues.status(group, owner, first.plusMonths(2))).isEqualTo("UNPAID");
        assertThat(MoneyApi.balanceOf(owner)).isEqualTo(DUES / 2);
    }

    @Test
    void aShortfallIsUnpaidAnnouncedOnceAndRetriedOnALaterDay() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        UUID member = MoneyApi.newMember();
        MoneyApi.join(group, member, "MEMBER");
        MoneyApi.fund(owner, DUES);
        MoneyApi.fund(member, DUES / 2);
        LocalDate due = Dues.plan(owner, group, DUES, 3);
        YearMonth period = YearMonth.from(due);

        Dues.collect(due);
        assertThat(Dues.status(group, member, period)).isEqualTo("UNPAID");
        assertThat(Dues.attempts(group, member, period)).isOne();
        Dues.month(owner, group, period).then().statusCode(200)
                .body("members.find { it.memberId == '" + member + "' }.status", equalTo("UNPAID"))
                .body("members.find { it.memberId == '" + owner + "' }.status", equalTo("PAID"));

        Dues.collect(due);
        assertThat(Dues.attempts(group, member, period)).as("not retried the same day").isOne();
        Dues.collect(due.plusDays(1));
        assertThat(Dues.attempts(group, member, period)).as("retried the next day").isEqualTo(2);
        assertThat(Dues.status(group, member, period)).isEqualTo("UNPAID");

        MoneyApi.fund(member, DUES);
        Dues.collect(due.plusDays(1));
        assertThat(Dues.status(group, member, period)).as("once a day, even after funding").isEqualTo("UNPAID");
        Dues.collect(due.plusDays(2));
        assertThat(Dues.status(group, member, period)).isEqualTo("PAID");
        assertThat(Dues.attempts(group, member, period)).isEqualTo(3);
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(DUES / 2);
        assertThat(MoneyApi.balanceOf(group)).isEqualTo(2 * DUES);

        assertThat(Dues.outboxed("DuesUnpaid", group, member, period)).isOne();
        assertThat(Dues.outboxed("DuesCollected", group, member, period)).isOne();
        assertThat(Dues.published("DuesUnpaid", group, 1)).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("memberId", member.toString())
                        .containsEntry("period", period.toString()).containsEntry("amount", (int) DUES));
        assertThat(Dues.published("DuesCollected", group, 2))
                .extracting(event -> event.get("memberId")).containsExactlyInAnyOrder(owner.toString(),
                        member.toString());
        Dues.month(member, group, period).then().statusCode(200)
                .body("members.find { it.memberId == '" + member + "' }.status", equalTo("PAID"));
    }

    @Test
    void aMemberWithoutAWalletIsSkippedAndChargedOnceItOpens() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        UUID late = UUID.randomUUID();
        MoneyApi.join(group, late, "MEMBER");
        LocalDate due = Dues.plan(owner, group, DUES, 8);
        YearMonth period = YearMonth.from(due);

        Dues.collect(due);
        assertThat(Dues.status(group, late, period)).isEqualTo("UNPAID");
        assertThat(Dues.attempts(group, late, period)).isZero();
        assertThat(Dues.outboxed("DuesUnpaid", group, late, period)).isZero();

        MoneyApi.publish(new MemberRegistered(late, MoneyApi.emailOf(late), "Late", "SEOUL", "ko", Instant.now()),
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> MoneyApi.walletOf(late) != null);
        MoneyApi.fund(late, DUES);
        Dues.collect(due);
        assertThat(Dues.status(group, late, period)).isEqualTo("PAID");
        assertThat(Dues.attempts(group, late, period)).isOne();
    }

    @Test
    void aPlanChangeAppliesFromTheNextCollection() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        MoneyApi.fund(owner, 10 * DUES);
        LocalDate due = Dues.plan(owner, group, DUES, 12);
        Dues.collect(due);

        Dues.setPlan(owner, group, Map.of("amount", 2 * DUES, "dayOfMonth", 12)).then().statusCode(200);
        Dues.collect(due.plusDays(1));
        Dues.collect(due.plusMonths(1));

        assertThat(MoneyApi.count("select amount from dues_charges where group_id = ? and period = ?", group,
                YearMonth.from(due).toString())).isEqualTo(DUES);
        assertThat(MoneyApi.count("select amount from dues_charges where group_id = ? and period = ?", group,
                YearMonth.from(due).plusMonths(1).toString())).isEqualTo(2 * DUES);
        assertThat(MoneyApi.balanceOf(group)).isEqualTo(3 * DUES);
    }
}
