package dev.moa.banking.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Linked bank accounts ({@code moa.bank-accounts.*}). */
@ConfigMapping(prefix = "moa.bank-accounts")
public interface BankAccountsConfig {

    /** How many accounts a member may have linked at once. */
    @WithDefault("5")
    int maxActivePerMember();
}
