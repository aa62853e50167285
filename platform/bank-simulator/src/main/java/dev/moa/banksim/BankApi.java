package dev.moa.banksim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.moa.banksim.BankModel.TransferLookup;
import dev.moa.banksim.BankModel.TransferRequest;
import dev.moa.banksim.BankModel.TransferResult;
import dev.moa.banksim.BankModel.VerifyAnswer;
import dev.moa.banksim.BankModel.VerifyRequest;
import dev.moa.banksim.HttpIo.BadRequest;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The bank API that Moa's banking service calls (JSON):
 * <ul>
 *   <li>{@code POST /api/accounts/verify} {bankCode, accountNumber, holderName} → {result: MATCH | NAME_MISMATCH |
 *       UNKNOWN_ACCOUNT | CLOSED}</li>
 *   <li>{@code POST /api/transfers} {requestId, direction IN|OUT, bankCode, accountNumber, amount} → the transfer
 *       ({outcome: SUCCEEDED with bankTransactionId | DECLINED | INSUFFICIENT_FUNDS | ACCOUNT_CLOSED |
 *       UNKNOWN_ACCOUNT}); the same requestId again → the first result; with other terms → 409
 *       REQUEST_ID_CONFLICT</li>
 *   <li>{@code GET /api/transfers/{requestId}} → {lookup: FOUND, transfer} or {lookup: NOT_FOUND}</li>
 *   <li>{@code GET /health} → {status: UP}, without faults</li>
 * </ul>
 * Every API call waits the injected latency first (on a scheduler, not a held thread); a transfer call may then be
 * dropped or left unanswered ({@link FaultInjector}).
 */
final class BankApi implements HttpHandler {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern BANK_CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{6,20}");
    private static final int MAX_NAME = 200;

    private final Bank bank;
    private final FaultInjector faults;
    private final ScheduledExecutorService scheduler;
    private final HttpHandler admin;

    /** @param admin the admin API served under {@code /sim}, or null when it is off (then {@code /sim} is a 404) */
    BankApi(Bank bank, FaultInjector faults, ScheduledExecutorService scheduler, HttpHandler admin) {
        this.bank = bank;
        this.faults = faults;
        this.scheduler = scheduler;
        this.admin = admin;
    }

    @Override
    public void handle(HttpExchange exchange) throws java.io.IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals("/sim") || path.startsWith("/sim/")) {
                if (admin == null) {
                    HttpIo.notFound(exchange);
                } else {
                    admin.handle(exchange);
                }
            } else if (path.equals("/health") && method.equals("GET")) {
                HttpIo.send(exchange, 200, Map.of("status", "UP"));
            } else if (path.equals("/api/accounts/verify") && method.equals("POST")) {
                VerifyRequest request = validVerify(HttpIo.read(exchange, VerifyRequest.class));
                later(exchange, () -> HttpIo.send(exchange, 200, new VerifyAnswer(bank.verify(request.bankCode(),
                        request.accountNumber(), request.holderName()))));
            } else if (path.equals("/api/transfers") && method.equals("POST")) {
                TransferRequest request = validTransfer(HttpIo.read(exchange, TransferRequest.class));
                later(exchange, () -> transfer(exchange, request));
            } else if (path.startsWith("/api/transfers/") && method.equals("GET")) {
                String[] id = HttpIo.segments(exchange, "/api/transfers/");
                if (id.length != 1 || !REQUEST_ID.matcher(id[0]).matches()) {
                    throw new BadRequest("a request id is 1 to 64 of A-Z a-z 0-9 - _");
                }
                later(exchange, () -> HttpIo.send(exchange, 200, bank.lookup(id[0]).map(TransferLookup::found)
                        .orElseGet(() -> TransferLookup.notFound(id[0]))));
            } else {
                HttpIo.notFound(exchange);
            }
        } catch (BadRequest e) {
            HttpIo.refuse(exchange, e);
        } catch (RuntimeException e) {
            HttpIo.error(exchange, 500, "INTERNAL", "the simulator failed: " + e);
        }
    }

    /** Runs {@code work} after the injected latency. */
    private void later(HttpExchange exchange, Runnable work) {
        scheduler.schedule(() -> {
            try {
                work.run();
            } catch (Bank.Full e) {
                HttpIo.error(exchange, 503, "FULL", e.getMessage());
            } catch (RuntimeException e) {
                HttpIo.error(exchange, 500, "INTERNAL", "the simulator failed: " + e);
            }
        }, faults.latencyMillis(), TimeUnit.MILLISECONDS);
    }

    private void transfer(HttpExchange exchange, TransferRequest request) {
        FaultInjector.Fate fate = faults.transferFate();
        if (fate == FaultInjector.Fate.DROP) {
            leaveUnanswered(exchange);
            return;
        }
        TransferResult result;
        try {
            result = bank.transfer(request, fate == FaultInjector.Fate.DECLINE);
        } catch (Bank.Conflict e) {
            HttpIo.error(exchange, 409, "REQUEST_ID_CONFLICT", e.getMessage());
            return;
        }
        if (fate == FaultInjector.Fate.TIMEOUT) {
            leaveUnanswered(exchange);
            return;
        }
        HttpIo.send(exchange, 200, result);
    }

    /** Holds the connection open without an answer, then closes it without one. */
    private void leaveUnanswered(HttpExchange exchange) {
        scheduler.schedule(exchange::close, faults.settings().unansweredHoldMillis(), TimeUnit.MILLISECONDS);
    }

    private static VerifyRequest validVerify(VerifyRequest request) {
        requireAccount(request.bankCode(), request.accountNumber());
        if (request.holderName() == null || request.holderName().isBlank() || request.holderName().length() > MAX_NAME) {
            throw new BadRequest("holderName is 1 to " + MAX_NAME + " characters");
        }
        return request;
    }

    private static TransferRequest validTransfer(TransferRequest request) {
        if (request.requestId() == null || !REQUEST_ID.matcher(request.requestId()).matches()) {
            throw new BadRequest("requestId is 1 to 64 of A-Z a-z 0-9 - _");
        }
        if (request.direction() == null) {
            throw new BadRequest("direction is IN (customer to corporate) or OUT (corporate to customer)");
        }
        requireAccount(request.bankCode(), request.accountNumber());
        if (request.amount() == null || request.amount() < 1 || request.amount() > Bank.MAX_AMOUNT) {
            throw new BadRequest("amount is between 1 and " + Bank.MAX_AMOUNT);
        }
        return request;
    }

    private static void requireAccount(String bankCode, String accountNumber) {
        if (bankCode == null || !BANK_CODE.matcher(bankCode).matches()) {
            throw new BadRequest("bankCode is three digits");
        }
        if (accountNumber == null || !ACCOUNT_NUMBER.matcher(accountNumber).matches()) {
            throw new BadRequest("accountNumber is 6 to 20 digits");
        }
    }
}
