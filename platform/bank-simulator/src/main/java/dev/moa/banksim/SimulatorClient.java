package dev.moa.banksim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.banksim.BankModel.AccountView;
import dev.moa.banksim.BankModel.NewAccount;
import dev.moa.banksim.BankModel.TransferLookup;
import dev.moa.banksim.BankModel.TransferRequest;
import dev.moa.banksim.BankModel.TransferResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small client of the simulator's admin and bank APIs, for tests and tools. */
public final class SimulatorClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI bankUrl;
    private final URI adminUrl;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param bankUrl  the bank API
     * @param adminUrl where {@code /sim} is served: the admin port (reachable during an outage) or the bank port
     * @param adminKey the admin key, or null to call without one
     */
    public SimulatorClient(URI bankUrl, URI adminUrl, String adminKey) {
        this.bankUrl = bankUrl;
        this.adminUrl = adminUrl;
        this.adminKey = adminKey;
    }

    /** Opens a customer account holding {@code balance} KRW. */
    public AccountView openAccount(String holderName, long balance) {
        return read(expect(201, admin("POST", "/sim/accounts", new NewAccount(holderName, balance))),
                AccountView.class);
    }

    public AccountView account(String bankCode, String accountNumber) {
        return read(expect(200, admin("GET", "/sim/accounts/" + bankCode + "/" + accountNumber, null)),
                AccountView.class);
    }

    public AccountView closeAccount(String bankCode, String accountNumber) {
        return read(expect(200, admin("POST", "/sim/accounts/" + bankCode + "/" + accountNumber + "/close", null)),
                AccountView.class);
    }

    public AccountView corporateAccount() {
        return read(expect(200, admin("GET", "/sim/corporate-account", null)), AccountView.class);
    }

    /** The transfer the bank recorded under {@code requestId}, if any. */
    public Optional<TransferResult> recordedTransfer(String requestId) {
        HttpResponse<String> response = admin("GET", "/sim/transfers/" + requestId, null);
        return response.statusCode() == 404 ? Optional.empty()
                : Optional.of(read(expect(200, response), TransferResult.class));
    }

    public JsonNode faults() {
        return read(expect(200, admin("GET", "/sim/faults", null)), JsonNode.class);
    }

    public JsonNode setFaults(FaultSettings faults) {
        return read(expect(200, admin("PUT", "/sim/faults", faults)), JsonNode.class);
    }

    /** No faults at all (and the end of any outage). */
    public JsonNode resetFaults() {
        return read(expect(200, admin("DELETE", "/sim/faults", null)), JsonNode.class);
    }

    /** A transfer through the bank API, as Moa's banking service makes one. */
    public TransferResult transfer(TransferRequest request) {
        return read(expect(200, send("POST", bankUrl.resolve("/api/transfers"), request, false)),
                TransferResult.class);
    }

    public TransferLookup lookup(String requestId) {
        return read(expect(200, send("GET", bankUrl.resolve("/api/transfers/" + requestId), null, false)),
                TransferLookup.class);
    }

    /** A call of the admin API, answered whatever its status. */
    public HttpResponse<String> admin(String method, String path, Object body) {
        return send(method, adminUrl.resolve(path), body, true);
    }

    /** Any call, answered whatever its status; {@code withKey} adds the admin key header. */
    public HttpResponse<String> send(String method, URI url, Object body, boolean withKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body)))
                .header("Content-Type", "application/json");
        if (withKey && adminKey != null) {
            request.header(AdminApi.KEY_HEADER, adminKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return HttpIo.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return HttpIo.JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unexpected answer from the simulator: " + response.body(), e);
        }
    }
}
