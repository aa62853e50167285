package dev.moa.events.money;

import java.util.UUID;

/** Asks money to release a pending hold entirely. Answered by {@link HoldVoided} or {@link HoldVoidFailed}. */
public record VoidHold(UUID commandId, UUID holdId) implements MoneyCommand {

    @Override
    public String eventType() {
        return "dev.moa.money.command.VoidHold";
    }

    @Override
    public String subject() {
        return holdId.toString();
    }
}
