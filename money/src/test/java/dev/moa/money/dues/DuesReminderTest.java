package dev.moa.money.dues;

import dev.moa.events.membership.GroupMemberLeft;
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

/**
 * The dues reminder (three days before the collection day by default), called as the scheduler calls it with the day
 * chosen by the test; each test its own group.
 */
@QuarkusTest
class DuesReminderTest {

    private static final long DUES = 12_000;

    @Test
    void threeDaysBeforeTheDueDayEachMemberIsRemindedOnceOnMoneyEvents() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        UUID member = MoneyApi.newMember();
        MoneyApi.join(group, member, "MEMBER");
        LocalDate due = Dues.plan(owner, group, DUES, 20);
        YearMonth period = YearMonth.from(due);

        Dues.remind(due.minusDays(3));
        Dues.remind(due.minusDays(2));

        List<Map<String, Object>> published = Dues.published("DuesDue", group, 2);
        assertThat(published).hasSize(2)
                .extracting(e -> e.get("memberId"), e -> e.get("period"), e -> e.get("amount"), e -> e.get("dueOn"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(owner.toString(), period.toString(), (int) DUES,
                                due.toString()),
                        org.assertj.core.groups.Tuple.tuple(member.toString(), period.toString(), (int) DUES,
                                due.toString()));
        assertThat(Dues.outboxed("DuesDue", group, member, period)).isOne();
        assertThat(Dues.outboxed("DuesDue", group, owner, period)).isOne();
    }

    @Test
    void noReminderBeforeTheWindowNorOnTheDueDay() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        LocalDate due = Dues.plan(owner, group, DUES, 20);

        Dues.remind(due.minusDays(4));
        Dues.remind(due);

        assertThat(Dues.outboxed("DuesDue", group, owner, YearMonth.from(due))).isZero();
    }

    @Test
    void aJobThatWasDownStillRemindsTheDayBefore() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        LocalDate due = Dues.plan(owner, group, DUES, 20);

        Dues.remind(due.minusDays(1));

        assertThat(Dues.outboxed("DuesDue", group, owner, YearMonth.from(due))).isOne();
    }

    @Test
    void twoSchedulersAtOnceRemindEachMemberAndMonthExactlyOnce() throws Exception {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        List<UUID> members = new ArrayList<>(List.of(owner));
        for (int i = 0; i < 6; i++) {
            UUID member = MoneyApi.newMember();
            MoneyApi.join(group, member, "MEMBER");
            members.add(member);
        }
        LocalDate due = Dues.plan(owner, group, DUES, 10);
        List<LocalDate> days = List.of(due.minusDays(3), due.minusDays(3), due.minusDays(2), due.minusDays(1));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService schedulers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(schedulers.submit(() -> {
                    start.await();
                    days.forEach(Dues::remind);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            schedulers.shutdownNow();
        }

        YearMonth period = YearMonth.from(due);
        for (UUID member : members) {
            assertThat(Dues.outboxed("DuesDue", group, member, period)).isOne();
        }
        assertThat(MoneyApi.count("select count(*) from dues_reminders where group_id = ?", group))
                .isEqualTo(members.size());
        assertThat(Dues.published("DuesDue", group, members.size())).hasSize(members.size());
    }

    @Test
    void aMemberWhoLeftIsNotReminded() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        UUID leaver = MoneyApi.newMember();
        MoneyApi.join(group, leaver, "MEMBER");
        LocalDate due = Dues.plan(owner, group, DUES, 20);
        MoneyApi.publish(new GroupMemberLeft(group, leaver, "LEFT", Instant.now()), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> MoneyApi.count(
                "select count(*) from group_roles where group_id = ? and member_id = ?", group, leaver) == 0);

        Dues.remind(due.minusDays(3));

        YearMonth period = YearMonth.from(due);
        assertThat(Dues.outboxed("DuesDue", group, owner, period)).isOne();
        assertThat(Dues.outboxed("DuesDue", group, leaver, period)).isZero();
    }
}
