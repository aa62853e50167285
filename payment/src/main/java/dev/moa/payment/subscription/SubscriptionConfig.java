package dev.moa.payment.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Renewals and dunning ({@code moa.subscriptions.*}). */
@ConfigMapping(prefix = "moa.subscriptions")
public interface SubscriptionConfig {

    /**
     * When a failed charge is tried again, counted from the start of the period it pays for (1, 3 and 7 days by
     * default). After the last retry fails the subscription is CANCELED.
     */
    @WithDefault("P1D,P3D,P7D")
    List<Duration> retryAfter();

    /** After this many failed attempts of one charge the subscription is PAST_DUE (renewal stops until it is paid). */
    @WithDefault("2")
    int pastDueAfter();

    /** How often the renewal job runs on each instance ({@code off} disables it, as in tests). */
    @WithDefault("1m")
    String renewEvery();

    /** At most this many subscriptions (and as many retries) per run of the renewal job. */
    @WithDefault("500")
    int batch();
}
