package dev.moa.money.bank;

import dev.moa.money.ledger.TransferOrder;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Limits of withdrawals ({@code moa.withdrawals.*}, env {@code MOA_WITHDRAWALS_*}). */
@ConfigMapping(prefix = "moa.withdrawals")
public interface WithdrawalConfig {

    /** The largest single withdrawal, in won (10,000,000 by default). */
    @WithDefault("10000000")
    @Min(1)
    @Max(TransferOrder.MAX_AMOUNT)
    long maxAmount();

    /** How many withdrawals a member may have waiting for the bank at once. */
    @WithDefault("5")
    @Min(1)
    @Max(1000)
    int maxInFlight();

    /**
     * How long a withdrawal's hold lasts (30 days by default, at most {@code HoldService.MAX_DURATION}). It must
     * outlive any uncertainty at the bank: banking reconciles a timeout until it knows, and only then answers. A
     * confirmation that still comes after the hold expired is posted from the wallet if it can be, else the
     * withdrawal NEEDS_REVIEW (see {@link WithdrawalService}).
     */
    @WithDefault("30d")
    Duration holdFor();
}
