package dev.moa.payment.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A seller's subscription business between {@code from} and {@code to} (days in Asia/Seoul, both included): revenue
 * (paid charges, on the day they were paid), new and canceled subscribers (on the day they started — a trial began or
 * the first charge was paid — or ended; a subscription whose first charge was refused never started and is in
 * neither), by day and by month; subscribers active now; the top plans by active subscribers, then revenue in the
 * range.
 */
public record Dashboard(LocalDate from, LocalDate to, long activeSubscribers, List<Bucket> byDay, List<Bucket> byMonth,
                        List<TopPlan> topPlans) {

    /** One day ({@code 2035-01-10}) or month ({@code 2035-01}); days and months without activity are left out. */
    public record Bucket(String period, long revenue, long newSubscribers, long canceledSubscribers) {
    }

    public record TopPlan(UUID planId, String name, long activeSubscribers, long revenue) {
    }
}
