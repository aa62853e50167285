package dev.moa.money.wallet;

import dev.moa.money.ledger.Account;

import java.util.UUID;

/** A wallet's balances: posted (credits − debits), pending (held), available (posted − pending). */
public record WalletView(UUID accountId, String ownerKind, UUID ownerId, long posted, long pending, long available,
                         String currency) {

    public static WalletView of(Account account) {
        return new WalletView(account.id, account.kind == Account.Kind.GROUP_WALLET ? "GROUP" : "MEMBER",
                account.ownerId, account.posted(), account.debitsPending, account.available(), account.currency);
    }
}
