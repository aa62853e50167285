package dev.moa.payment.merchant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Merchants and their payments ({@code moa.merchants.*}). */
@ConfigMapping(prefix = "moa.merchants")
public interface MerchantConfig {

    /** The fee rate of a new merchant, in basis points, until an administrator sets another. */
    @WithDefault("300")
    int defaultFeeBps();

    /** How long after a payment completed it may be refunded. */
    @WithDefault("P30D")
    Duration refundWindow();
}
