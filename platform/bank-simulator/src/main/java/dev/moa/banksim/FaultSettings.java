package dev.moa.banksim;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The faults the simulator injects, as set by start options or {@code PUT /sim/faults} (the JSON form is this
 * record; an omitted field means "no such fault").
 *
 * <ul>
 *   <li>{@code latencyMinMillis} – {@code latencyMaxMillis}: every bank API call (verify, transfer, query) waits a
 *       uniformly random time in this range before it is processed; at most {@link #MAX_LATENCY_MILLIS}.</li>
 *   <li>{@code dropRate}: share of transfer calls swallowed: not executed, never answered.</li>
 *   <li>{@code timeoutRate}: share of transfer calls executed but never answered.</li>
 *   <li>{@code declineRate}: share of new transfers declined (recorded as DECLINED, nothing moves).</li>
 *   <li>{@code unansweredHoldMillis}: how long an unanswered call's connection is held open before it is closed
 *       without an answer (0: closed at once); default {@link #DEFAULT_HOLD_MILLIS}, longer than any sane client
 *       timeout.</li>
 *   <li>{@code outage}: the bank API's listening socket is closed, so calls get "connection refused"; for
 *       {@code outageMillis} if given, else until faults are set again without it. The admin port stays up.</li>
 * </ul>
 * One random draw per transfer call decides drop, then timeout, then decline, so the three rates add up to at most 1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSettings(Long latencyMinMillis, Long latencyMaxMillis, Double declineRate, Double timeoutRate,
                            Double dropRate, Long unansweredHoldMillis, Boolean outage, Long outageMillis) {

    /** The largest latency the simulator injects; a client's in-flight window must be longer than this. */
    public static final long MAX_LATENCY_MILLIS = 60_000;
    public static final long DEFAULT_HOLD_MILLIS = 30_000;
    public static final long MAX_HOLD_MILLIS = 600_000;
    public static final long MAX_OUTAGE_MILLIS = 86_400_000;

    public static final FaultSettings NONE = new FaultSettings(null, null, null, null, null, null, null, null);

    public FaultSettings {
        latencyMinMillis = latencyMinMillis == null ? 0 : latencyMinMillis;
        latencyMaxMillis = latencyMaxMillis == null ? latencyMinMillis : latencyMaxMillis;
        declineRate = declineRate == null ? 0.0 : declineRate;
        timeoutRate = timeoutRate == null ? 0.0 : timeoutRate;
        dropRate = dropRate == null ? 0.0 : dropRate;
        unansweredHoldMillis = unansweredHoldMillis == null ? DEFAULT_HOLD_MILLIS : unansweredHoldMillis;
        outage = outage != null && outage;
        require(latencyMinMillis >= 0 && latencyMinMillis <= latencyMaxMillis && latencyMaxMillis <= MAX_LATENCY_MILLIS,
                "latency must satisfy 0 <= latencyMinMillis <= latencyMaxMillis <= " + MAX_LATENCY_MILLIS);
        requireRate("declineRate", declineRate);
        requireRate("timeoutRate", timeoutRate);
        requireRate("dropRate", dropRate);
        require(declineRate + timeoutRate + dropRate <= 1.0 + 1e-9,
                "declineRate + timeoutRate + dropRate must not exceed 1");
        require(unansweredHoldMillis >= 0 && unansweredHoldMillis <= MAX_HOLD_MILLIS,
                "unansweredHoldMillis must be between 0 and " + MAX_HOLD_MILLIS);
        require(outageMillis == null || outage && outageMillis >= 1 && outageMillis <= MAX_OUTAGE_MILLIS,
                "outageMillis needs outage=true and lies between 1 and " + MAX_OUTAGE_MILLIS);
    }

    /** Only a latency: no declines, lost answers, drops or outage. */
    public static FaultSettings latency(long minMillis, long maxMillis) {
        return new FaultSettings(minMillis, maxMillis, null, null, null, null, null, null);
    }

    public FaultSettings withDeclineRate(double rate) {
        return new FaultSettings(latencyMinMillis, latencyMaxMillis, rate, timeoutRate, dropRate, unansweredHoldMillis,
                outage, outageMillis);
    }

    public FaultSettings withTimeoutRate(double rate, long holdMillis) {
        return new FaultSettings(latencyMinMillis, latencyMaxMillis, declineRate, rate, dropRate, holdMillis, outage,
                outageMillis);
    }

    public FaultSettings withDropRate(double rate, long holdMillis) {
        return new FaultSettings(latencyMinMillis, latencyMaxMillis, declineRate, timeoutRate, rate, holdMillis, outage,
                outageMillis);
    }

    /** An outage for {@code millis}, or until faults are set again when {@code millis} is null. */
    public FaultSettings withOutage(Long millis) {
        return new FaultSettings(latencyMinMillis, latencyMaxMillis, declineRate, timeoutRate, dropRate,
                unansweredHoldMillis, true, millis);
    }

    private static void requireRate(String name, double rate) {
        require(rate >= 0.0 && rate <= 1.0 && !Double.isNaN(rate), name + " must be between 0 and 1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
