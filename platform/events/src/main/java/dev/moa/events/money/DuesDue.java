package dev.moa.events.money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reminder: the member's dues of {@code amount} for {@code period} will be collected from their wallet on
 * {@code dueOn} (a day in Asia/Seoul). Emitted once per (group, member, period), a configured number of days before
 * the collection day; the amount is the plan's when the reminder was sent (a plan changed later applies to later
 * months only if it changes before the charge is created on the due day).
 */
public record DuesDue(UUID groupId, UUID memberId, String period, long amount, LocalDate dueOn, Instant occurredAt)
        implements DuesEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.DuesDue";
    }
}
