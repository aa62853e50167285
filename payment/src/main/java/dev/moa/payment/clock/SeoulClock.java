package dev.moa.payment.clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock of every payment decision (renewal dates, refund windows, settlement days). Moa's members live in Korea,
 * so periods turn in Asia/Seoul (no daylight saving). Tests replace it with a clock they move.
 */
public class SeoulClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ZONE);
    }
}
