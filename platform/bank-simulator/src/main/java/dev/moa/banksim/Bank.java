package dev.moa.banksim;

import dev.moa.banksim.BankModel.AccountStatus;
import dev.moa.banksim.BankModel.AccountView;
import dev.moa.banksim.BankModel.Direction;
import dev.moa.banksim.BankModel.Outcome;
import dev.moa.banksim.BankModel.TransferRequest;
import dev.moa.banksim.BankModel.TransferResult;
import dev.moa.banksim.BankModel.Verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bank's books, in memory: customer accounts, Moa's corporate account, and every transfer by its request id.
 * A request id is executed at most once: asking again with the same terms gets the first result, with other terms a
 * {@link Conflict}. Balances never go below zero and never overflow. All methods are atomic (one lock).
 */
public final class Bank {

    public static final long MAX_AMOUNT = 1_000_000_000_000L;
    public static final long MAX_BALANCE = Long.MAX_VALUE / 4;
    static final int MAX_ACCOUNTS = 100_000;
    static final int MAX_TRANSFERS = 1_000_000;
    private static final int MAX_HISTORY = 1_000;

    private final String bankCode;
    private final Account corporate;
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, TransferResult> transfers = new HashMap<>();
    private final int branch = ThreadLocalRandom.current().nextInt(100, 1000);
    private long nextAccount = 1;
    private long nextTransaction = 1;

    /** The same request id with other terms than its first transfer. */
    public static final class Conflict extends RuntimeException {
        Conflict(String requestId) {
            super("request id " + requestId + " was used for a transfer with other terms", null, false, false);
        }
    }

    /** The simulator holds as many accounts or transfers as it will. */
    public static final class Full extends RuntimeException {
        Full(String what) {
            super("the simulator holds its maximum of " + what, null, false, false);
        }
    }

    private static final class Account {
        final String number;
        final String holderName;
        long balance;
        AccountStatus status = AccountStatus.OPEN;
        final List<String> history = new ArrayList<>();

        Account(String number, String holderName, long balance) {
            this.number = number;
            this.holderName = holderName;
            this.balance = balance;
        }
    }

    public Bank(String bankCode, String corporateHolder, String corporateNumber, long corporateBalance) {
        this.bankCode = bankCode;
        this.corporate = new Account(corporateNumber, corporateHolder, corporateBalance);
        accounts.put(corporateNumber, corporate);
    }

    public String bankCode() {
        return bankCode;
    }

    public synchronized AccountView corporateAccount() {
        return view(corporate);
    }

    /** Opens a customer account with a new account number. */
    public synchronized AccountView open(String holderName, long balance) {
        if (accounts.size() >= MAX_ACCOUNTS) {
            throw new Full(MAX_ACCOUNTS + " accounts");
        }
        String number;
        do {
            number = String.format("%03d%09d", branch, nextAccount++);
        } while (accounts.containsKey(number));
        Account account = new Account(number, holderName, balance);
        accounts.put(number, account);
        return view(account);
    }

    public synchronized Optional<AccountView> account(String code, String number) {
        return find(code, number).map(this::view);
    }

    /** Closes a customer account (the corporate account stays open); its balance stays as it was. */
    public synchronized Optional<AccountView> close(String code, String number) {
        return find(code, number).filter(account -> account != corporate).map(account -> {
            account.status = AccountStatus.CLOSED;
            return view(account);
        });
    }

    public synchronized Verification verify(String code, String number, String holderName) {
        Optional<Account> account = find(code, number).filter(found -> found != corporate);
        if (account.isEmpty()) {
            return Verification.UNKNOWN_ACCOUNT;
        }
        if (account.get().status == AccountStatus.CLOSED) {
            return Verification.CLOSED;
        }
        return HolderNames.same(account.get().holderName, holderName) ? Verification.MATCH
                : Verification.NAME_MISMATCH;
    }

    public synchronized Optional<TransferResult> lookup(String requestId) {
        return Optional.ofNullable(transfers.get(requestId));
    }

    /**
     * Executes {@code request} once: the first call with a request id decides (declined when {@code decline}),
     * later calls with the same terms get that result again and move nothing.
     *
     * @throws Conflict when the request id was used with other terms
     */
    public synchronized TransferResult transfer(TransferRequest request, boolean decline) {
        TransferResult earlier = transfers.get(request.requestId());
        if (earlier != null) {
            if (!earlier.sameTerms(request)) {
                throw new Conflict(request.requestId());
            }
            return earlier;
        }
        if (transfers.size() >= MAX_TRANSFERS) {
            throw new Full(MAX_TRANSFERS + " transfers");
        }
        TransferResult result = execute(request, decline);
        transfers.put(request.requestId(), result);
        find(request.bankCode(), request.accountNumber()).ifPresent(account -> remember(account, request.requestId()));
        return result;
    }

    private TransferResult execute(TransferRequest request, boolean decline) {
        Optional<Account> customer = find(request.bankCode(), request.accountNumber())
                .filter(account -> account != corporate);
        if (customer.isEmpty()) {
            return result(request, Outcome.UNKNOWN_ACCOUNT, null);
        }
        if (customer.get().status == AccountStatus.CLOSED) {
            return result(request, Outcome.ACCOUNT_CLOSED, null);
        }
        if (decline) {
            return result(request, Outcome.DECLINED, null);
        }
        Account from = request.direction() == Direction.IN ? customer.get() : corporate;
        Account to = request.direction() == Direction.IN ? corporate : customer.get();
        long amount = request.amount();
        if (from.balance < amount) {
            return result(request, Outcome.INSUFFICIENT_FUNDS, null);
        }
        if (to.balance > MAX_BALANCE - amount) {
            return result(request, Outcome.DECLINED, null);
        }
        from.balance -= amount;
        to.balance += amount;
        remember(corporate, request.requestId());
        return result(request, Outcome.SUCCEEDED, String.format("SIM-%s-%09d", bankCode, nextTransaction++));
    }

    private static TransferResult result(TransferRequest request, Outcome outcome, String transactionId) {
        return new TransferResult(request.requestId(), outcome, transactionId, request.direction(),
                request.bankCode(), request.accountNumber(), request.amount(), Instant.now().toString());
    }

    private Optional<Account> find(String code, String number) {
        if (!bankCode.equals(code) || number == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(accounts.get(number));
    }

    private static void remember(Account account, String requestId) {
        if (account.history.size() >= MAX_HISTORY) {
            account.history.remove(0);
        }
        account.history.add(requestId);
    }

    private AccountView view(Account account) {
        return new AccountView(bankCode, account.number, account.holderName, account.balance, account.status,
                List.copyOf(account.history));
    }
}
