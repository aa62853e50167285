package dev.moa.payment.settlement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settlement batches ({@code moa.settlement.*}). */
@ConfigMapping(prefix = "moa.settlement")
public interface SettlementConfig {

    /** When the daily batch runs (Asia/Seoul), settling the previous day; {@code off} disables it (tests). */
    @WithDefault("0 10 0 * * ?")
    String cron();

    /** The fee on a seller's won-lot proceeds (hammer prices), in basis points. Merchants have their own rate. */
    @WithDefault("500")
    int sellerFeeBps();

    /** At most this many payees of each kind per run. */
    @WithDefault("1000")
    int batch();
}
