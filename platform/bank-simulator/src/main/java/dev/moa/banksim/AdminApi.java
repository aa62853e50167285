package dev.moa.banksim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.moa.banksim.BankModel.NewAccount;
import dev.moa.banksim.HttpIo.BadRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The simulator's admin API, for local use and tests; every call needs the header {@value #KEY_HEADER} with the
 * admin key. It exists only when an admin key is configured and the simulator does not run in production mode.
 * <ul>
 *   <li>{@code POST /sim/accounts} {holderName, balance} → 201 the account with its {bankCode, accountNumber}</li>
 *   <li>{@code GET /sim/accounts/{bankCode}/{accountNumber}} → the account: holder, balance, status, transfers</li>
 *   <li>{@code POST /sim/accounts/{bankCode}/{accountNumber}/close} → the closed account</li>
 *   <li>{@code GET /sim/corporate-account} → Moa's corporate account</li>
 *   <li>{@code GET /sim/transfers/{requestId}} → the transfer as recorded, or 404</li>
 *   <li>{@code GET /sim/faults}, {@code PUT /sim/faults} {@link FaultSettings}, {@code DELETE /sim/faults} (no faults)</li>
 * </ul>
 */
final class AdminApi implements HttpHandler {

    static final String KEY_HEADER = "X-Sim-Admin-Key";
    private static final int MAX_NAME = 200;

    /** Applies fault settings (starting or ending an outage) and tells the current ones. */
    interface FaultControl {
        FaultView apply(FaultSettings settings);

        FaultView current();
    }

    /** The fault settings in force, and when a timed outage ends. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FaultView(@JsonUnwrapped FaultSettings settings, String outageEndsAt) {
    }

    private final Bank bank;
    private final FaultControl faults;
    private final byte[] key;

    AdminApi(Bank bank, FaultControl faults, String key) {
        this.bank = bank;
        this.faults = faults;
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            if (!authorized(exchange)) {
                HttpIo.error(exchange, 401, "UNAUTHORIZED", "the admin API needs the header " + KEY_HEADER);
                return;
            }
            route(exchange, exchange.getRequestMethod(), HttpIo.segments(exchange, "/sim"));
        } catch (BadRequest e) {
            HttpIo.refuse(exchange, e);
        } catch (Bank.Full e) {
            HttpIo.error(exchange, 503, "FULL", e.getMessage());
        } catch (RuntimeException e) {
            HttpIo.error(exchange, 500, "INTERNAL", "the simulator failed: " + e);
        }
    }

    private void route(HttpExchange exchange, String method, String[] path) {
        String resource = path.length == 0 ? "" : path[0];
        switch (resource + ":" + path.length + ":" + method) {
            case "accounts:1:POST" -> HttpIo.send(exchange, 201, open(HttpIo.read(exchange, NewAccount.class)));
            case "accounts:3:GET" -> found(exchange, bank.account(path[1], path[2]));
            case "accounts:4:POST" -> {
                if (!path[3].equals("close")) {
                    HttpIo.notFound(exchange);
                    return;
                }
                found(exchange, bank.close(path[1], path[2]));
            }
            case "corporate-account:1:GET" -> HttpIo.send(exchange, 200, bank.corporateAccount());
            case "transfers:2:GET" -> found(exchange, bank.lookup(path[1]));
            case "faults:1:GET" -> HttpIo.send(exchange, 200, faults.current());
            case "faults:1:PUT" -> HttpIo.send(exchange, 200, faults.apply(HttpIo.read(exchange, FaultSettings.class)));
            case "faults:1:DELETE" -> HttpIo.send(exchange, 200, faults.apply(FaultSettings.NONE));
            default -> HttpIo.notFound(exchange);
        }
    }

    private BankModel.AccountView open(NewAccount request) {
        if (request.holderName() == null || request.holderName().isBlank()
                || request.holderName().length() > MAX_NAME) {
            throw new BadRequest("holderName is 1 to " + MAX_NAME + " characters");
        }
        long balance = request.balance() == null ? 0 : request.balance();
        if (balance < 0 || balance > Bank.MAX_BALANCE) {
            throw new BadRequest("balance is between 0 and " + Bank.MAX_BALANCE);
        }
        return bank.open(request.holderName(), balance);
    }

    private static void found(HttpExchange exchange, Optional<?> value) {
        if (value.isPresent()) {
            HttpIo.send(exchange, 200, value.get());
        } else {
            HttpIo.notFound(exchange);
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst(KEY_HEADER);
        return given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8));
    }
}
