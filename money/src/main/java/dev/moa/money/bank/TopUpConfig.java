package dev.moa.money.bank;

import dev.moa.money.ledger.TransferOrder;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Limits of top-ups ({@code moa.top-ups.*}, env {@code MOA_TOP_UPS_*}). */
@ConfigMapping(prefix = "moa.top-ups")
public interface TopUpConfig {

    /** The largest single top-up, in won (10,000,000 by default). */
    @WithDefault("10000000")
    @Min(1)
    @Max(TransferOrder.MAX_AMOUNT)
    long maxAmount();

    /** How many top-ups a member may have waiting for the bank at once. */
    @WithDefault("5")
    @Min(1)
    @Max(1000)
    int maxInFlight();
}
