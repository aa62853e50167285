package dev.moa.banking.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A linked account as its member sees it: the account number masked but for its last four digits. */
public record BankAccountView(
        UUID id,
        @Schema(examples = "088") String bankCode,
        @Schema(examples = "********4821") String accountNumberMasked,
        @Schema(examples = "4821") String accountNumberLast4,
        String holderName,
        BankAccount.Status status,
        Instant linkedAt) {

    static BankAccountView of(BankAccount account) {
        String last4 = account.last4();
        return new BankAccountView(account.id, account.bankCode,
                "*".repeat(account.accountNumber.length() - 4) + last4, last4, account.holderName, account.status,
                account.linkedAt);
    }
}
