package dev.moa.payment.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Won lots ({@code moa.orders.*}). */
@ConfigMapping(prefix = "moa.orders")
public interface OrderConfig {

    /**
     * The buyer's premium in basis points of the hammer price (1000 = 10 %), 0 to 10000. The premium is rounded half
     * up to the won: hammer × bps / 10000, a remainder of half a won or more rounds up.
     */
    @WithDefault("1000")
    int premiumBps();
}
