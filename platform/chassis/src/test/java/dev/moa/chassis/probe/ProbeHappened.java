package dev.moa.chassis.probe;

import dev.moa.events.MoaEvent;

/** What the probe application emits: the n-th change of an account. */
public record ProbeHappened(String account, long n) implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.chassis-test.ProbeHappened";
    }

    @Override
    public String subject() {
        return account;
    }
}
