package dev.moa.banking.firmbanking;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Refuses to start with timings that would let banking guess: a SENT request taken over while its call may still be
 * running, or a "not found" taken as final while the request may still be on its way to the bank.
 */
@ApplicationScoped
public class FirmbankingConfigCheck {

    private final FirmbankingConfig config;
    private final Duration callLimit;

    public FirmbankingConfigCheck(FirmbankingConfig config,
                                  @ConfigProperty(name = "quarkus.rest-client.bank.connect-timeout") long connectMillis,
                                  @ConfigProperty(name = "quarkus.rest-client.bank.read-timeout") long readMillis) {
        this.config = config;
        this.callLimit = Duration.ofMillis(connectMillis + readMillis);
    }

    void check(@Observes StartupEvent start) {
        Duration longestCall = callLimit.plusSeconds(1);
        if (config.stuckAfter().compareTo(longestCall) <= 0) {
            throw new IllegalStateException("moa.firmbanking.stuck-after (" + config.stuckAfter()
                    + ") must exceed a bank call's connect + read timeout + 1 s (" + longestCall + ")");
        }
        if (config.inFlightWindow().compareTo(longestCall) <= 0) {
            throw new IllegalStateException("moa.firmbanking.in-flight-window (" + config.inFlightWindow()
                    + ") must exceed a bank call's connect + read timeout + 1 s (" + longestCall
                    + ") and the bank's longest latency");
        }
        if (config.backoffInitial().isNegative() || config.backoffInitial().isZero()
                || config.backoffMax().compareTo(config.backoffInitial()) < 0) {
            throw new IllegalStateException("moa.firmbanking.backoff-initial must be positive and at most backoff-max");
        }
        if (config.reconcileBatch() < 1 || config.reconcileConcurrency() < 1 || config.reviewAfterChecks() < 1) {
            throw new IllegalStateException("moa.firmbanking reconcile-batch, reconcile-concurrency and "
                    + "review-after-checks must be at least 1");
        }
    }
}
