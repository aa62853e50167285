package dev.moa.banking.firmbanking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Firm-banking and its reconciliation ({@code moa.firmbanking.*}). */
@ConfigMapping(prefix = "moa.firmbanking")
public interface FirmbankingConfig {

    /** How often the reconciliation job runs, on every instance (read by its {@code @Scheduled}). */
    @WithDefault("2s")
    Duration reconcileEvery();

    /** How long after start the job first runs. */
    @WithDefault("5s")
    Duration reconcileDelay();

    /** Requests one run of the job takes on at most (each instance claims its own with SKIP LOCKED). */
    @WithDefault("100")
    int reconcileBatch();

    /** Bank calls one run makes at once. */
    @WithDefault("4")
    int reconcileConcurrency();

    /** The first pause before the job asks the bank about a request; doubled after every check, up to the cap. */
    @WithDefault("1s")
    Duration backoffInitial();

    /** The longest pause between two checks of one request (also the interval once it is flagged for review). */
    @WithDefault("1m")
    Duration backoffMax();

    /**
     * How long a request may stay SENT before the job takes it over (its sender crashed or lost its result). Longer
     * than a bank call can last (connect + read timeout of {@code quarkus.rest-client.bank}); checked at start.
     */
    @WithDefault("30s")
    Duration stuckAfter();

    /**
     * How long after the last send the bank's "not found" becomes final: the request was never executed, and it
     * fails. Longer than the bank's maximum latency (the simulator's is capped at 60 s) plus a call's timeouts, so that
     * a request still travelling to the bank cannot be executed after it was declared failed; checked at start.
     */
    @WithDefault("2m")
    Duration inFlightWindow();

    /** A request unresolved this long after it arrived is flagged REVIEW. */
    @WithDefault("15m")
    Duration reviewAfter();

    /** A request still unresolved after this many checks by the job is flagged REVIEW. */
    @WithDefault("30")
    int reviewAfterChecks();
}
