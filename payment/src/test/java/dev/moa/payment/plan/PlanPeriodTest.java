package dev.moa.payment.plan;

import dev.moa.payment.clock.SeoulClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PlanPeriodTest {

    private static ZonedDateTime seoul(int year, int month, int day) {
        return ZonedDateTime.of(year, month, day, 9, 30, 0, 0, SeoulClock.ZONE);
    }

    private static LocalDate[] starts(PlanPeriod period, ZonedDateTime anchor, int count) {
        return IntStream.range(0, count).mapToObj(n -> period.start(anchor, n).toLocalDate()).toArray(LocalDate[]::new);
    }

    @Test
    void monthlyFromJanuary31stClampsToFebruaryAndReturnsToThe31st() {
        assertThat(starts(PlanPeriod.MONTHLY, seoul(2027, 1, 31), 5)).containsExactly(LocalDate.of(2027, 1, 31),
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30),
                LocalDate.of(2027, 5, 31));
    }

    @Test
    void aLeapYearHasFebruary29th() {
        assertThat(starts(PlanPeriod.MONTHLY, seoul(2028, 1, 31), 3)).containsExactly(LocalDate.of(2028, 1, 31),
                LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31));
    }

    @Test
    void quarterlyFromNovember30th() {
        assertThat(starts(PlanPeriod.QUARTERLY, seoul(2027, 11, 30), 3)).containsExactly(LocalDate.of(2027, 11, 30),
                LocalDate.of(2028, 2, 29), LocalDate.of(2028, 5, 30));
    }

    @Test
    void weeklyAndDailyAcrossTheYearEnd() {
        assertThat(starts(PlanPeriod.WEEKLY, seoul(2027, 12, 29), 2)).containsExactly(LocalDate.of(2027, 12, 29),
                LocalDate.of(2028, 1, 5));
        assertThat(starts(PlanPeriod.DAILY, seoul(2027, 12, 31), 2)).containsExactly(LocalDate.of(2027, 12, 31),
                LocalDate.of(2028, 1, 1));
    }

    @Test
    void theTimeOfDayStaysInSeoul() {
        assertThat(PlanPeriod.MONTHLY.start(seoul(2027, 1, 31), 1).toLocalTime())
                .isEqualTo(seoul(2027, 1, 31).toLocalTime());
    }
}
