package dev.moa.banksim;

import java.util.Random;

/** Draws the fate of each call from the current {@link FaultSettings}. Thread-safe. */
public final class FaultInjector {

    /** What happens to one transfer call. */
    public enum Fate {
        /** Processed and answered (a new transfer may still be declined, see {@link #declines()}). */
        ANSWER,
        /** Declined if it is a new transfer, then answered. */
        DECLINE,
        /** Processed, but the answer never comes. */
        TIMEOUT,
        /** Swallowed: not processed, never answered. */
        DROP
    }

    private final Random random;
    private volatile FaultSettings settings;

    public FaultInjector(FaultSettings initial, Long seed) {
        this.random = seed == null ? new Random() : new Random(seed);
        this.settings = initial;
    }

    public FaultSettings settings() {
        return settings;
    }

    void set(FaultSettings settings) {
        this.settings = settings;
    }

    /** The latency of one bank API call, in milliseconds. */
    public long latencyMillis() {
        FaultSettings current = settings;
        long spread = current.latencyMaxMillis() - current.latencyMinMillis();
        return current.latencyMinMillis() + (spread == 0 ? 0 : nextLong(spread + 1));
    }

    /** One draw for one transfer call: drop, then timeout, then decline, else answer. */
    public Fate transferFate() {
        FaultSettings current = settings;
        double draw = nextDouble();
        if (draw < current.dropRate()) {
            return Fate.DROP;
        }
        if (draw < current.dropRate() + current.timeoutRate()) {
            return Fate.TIMEOUT;
        }
        if (draw < current.dropRate() + current.timeoutRate() + current.declineRate()) {
            return Fate.DECLINE;
        }
        return Fate.ANSWER;
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private synchronized long nextLong(long bound) {
        return (long) (random.nextDouble() * bound);
    }
}
