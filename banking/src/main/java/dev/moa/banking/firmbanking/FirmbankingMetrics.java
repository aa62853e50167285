package dev.moa.banking.firmbanking;

import dev.moa.banking.firmbanking.Decision.Decided;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Firm-banking's meters (Prometheus names): {@code moa_firmbanking_outcomes_total{outcome, reason, reconciled}} for
 * every decided request; {@code moa_firmbanking_review}, the requests flagged for review (alert when above 0), and
 * {@code moa_firmbanking_unresolved}, all requests not yet decided, both refreshed by every reconciliation run.
 * Created at start ({@link Startup}), so that both gauges are scraped from the first moment, not only once something
 * first used this bean: an alert on a series that does not exist yet never fires.
 */
@Startup
@ApplicationScoped
public class FirmbankingMetrics {

    private final MeterRegistry registry;
    private final AtomicLong review = new AtomicLong();
    private final AtomicLong unresolved = new AtomicLong();

    public FirmbankingMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("moa.firmbanking.review", review, AtomicLong::get)
                .description("Firm-banking requests flagged for review: unresolved past the age or check limit")
                .register(registry);
        Gauge.builder("moa.firmbanking.unresolved", unresolved, AtomicLong::get)
                .description("Firm-banking requests whose outcome is not yet known")
                .register(registry);
    }

    void decided(Decided decided) {
        registry.counter("moa.firmbanking.outcomes", "outcome", decided.succeeded() ? "SUCCEEDED" : "FAILED",
                "reason", decided.succeeded() ? "none" : decided.reason(),
                "reconciled", Boolean.toString(decided.reconciled())).increment();
    }

    void counts(long inReview, long open) {
        review.set(inReview);
        unresolved.set(open);
    }
}
