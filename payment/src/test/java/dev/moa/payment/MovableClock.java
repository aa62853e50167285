package dev.moa.payment;

import dev.moa.payment.clock.SeoulClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The clock of payment in tests: the system's until a test sets it, so that tests move time instead of waiting. */
public class MovableClock extends Clock {

    public static final MovableClock INSTANCE = new MovableClock();

    private volatile Instant fixed;

    /** Fixes the clock at {@code at}, a time in Asia/Seoul. */
    public static Instant set(ZonedDateTime at) {
        INSTANCE.fixed = at.toInstant();
        return INSTANCE.fixed;
    }

    public static Instant seoul(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, SeoulClock.ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return SeoulClock.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Payment only ever reads instants and Asia/Seoul dates from it; the fixed instant must survive a zone change.
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }

    /** Replaces {@link SeoulClock}'s clock in the test application. */
    public static class Producer {

        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        Clock clock() {
            return INSTANCE;
        }
    }
}
