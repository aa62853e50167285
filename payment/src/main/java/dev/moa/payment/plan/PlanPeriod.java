package dev.moa.payment.plan;

import java.time.ZonedDateTime;

/**
 * How long a plan's period is. Period {@code n} of a subscription starts at its anchor plus {@code n} periods,
 * computed from the anchor each time (never from the previous, clamped, date): a monthly subscription anchored on
 * Jan 31 renews on Feb 28 (29 in a leap year), then Mar 31, Apr 30, May 31.
 */
public enum PlanPeriod {
    DAILY, WEEKLY, MONTHLY, QUARTERLY;

    /** The start of period {@code n} counted from {@code anchor} (a time in Asia/Seoul). */
    public ZonedDateTime start(ZonedDateTime anchor, long n) {
        return switch (this) {
            case DAILY -> anchor.plusDays(n);
            case WEEKLY -> anchor.plusWeeks(n);
            case MONTHLY -> anchor.plusMonths(n);
            case QUARTERLY -> anchor.plusMonths(Math.multiplyExact(3, n));
        };
    }
}
