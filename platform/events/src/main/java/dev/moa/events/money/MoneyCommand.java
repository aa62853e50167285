package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.util.UUID;

/**
 * A command that another service sends to money on {@code money.commands} (type
 * {@code dev.moa.money.command.<Name>}). Money applies it once per {@link #commandId()} and answers it with one
 * event on {@code money.events} that names the same command id.
 */
public interface MoneyCommand extends MoaEvent {

    /** The command's id: its idempotency key, named again in the answer. */
    UUID commandId();
}
