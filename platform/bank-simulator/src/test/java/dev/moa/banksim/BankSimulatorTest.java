package dev.moa.banksim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.banksim.BankModel.AccountView;
import dev.moa.banksim.BankModel.Direction;
import dev.moa.banksim.BankModel.Outcome;
import dev.moa.banksim.BankModel.TransferRequest;
import dev.moa.banksim.BankModel.TransferResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's bank and admin APIs over real HTTP, with the simulator in this JVM. */
class BankSimulatorTest {

    private static final String KEY = "an-admin-key-for-tests";
    private static BankSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = BankSimulator.start(new SimulatorOptions("127.0.0.1", 0, 0, Optional.of(KEY), false, "088",
                "999000000001", 1_000_000_000L, FaultSettings.NONE, 42L));
        client = new SimulatorClient(simulator.bankUrl(), simulator.adminUrl(), KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void noFaults() {
        client.resetFaults();
    }

    @Test
    void aTransferMovesMoneyOnceHoweverOftenItsRequestIdIsSent() {
        AccountView customer = client.openAccount("Kim Minsu", 100_000);
        long corporateBefore = client.corporateAccount().balance();
        TransferRequest request = in(customer, 30_000);

        TransferResult first = client.transfer(request);
        TransferResult again = client.transfer(request);

        assertThat(first.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(first.bankTransactionId()).startsWith("SIM-088-");
        assertThat(again).isEqualTo(first);
        assertThat(balance(customer)).isEqualTo(70_000);
        assertThat(client.corporateAccount().balance()).isEqualTo(corporateBefore + 30_000);
    }

    @Test
    void anOutgoingTransferPaysTheCustomerFromTheCorporateAccount() {
        AccountView customer = client.openAccount("Lee Jiwoo", 0);

        TransferResult result = client.transfer(new TransferRequest(UUID.randomUUID().toString(), Direction.OUT,
                "088", customer.accountNumber(), 45_000L));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(balance(customer)).isEqualTo(45_000);
    }

    @Test
    void theSameRequestIdWithOtherTermsIsAConflictAndMovesNothing() {
        AccountView customer = client.openAccount("Park Seoyeon", 100_000);
        TransferRequest request = in(customer, 10_000);
        client.transfer(request);

        HttpResponse<String> conflict = client.send("POST", simulator.bankUrl().resolve("/api/transfers"),
                new TransferRequest(request.requestId(), Direction.IN, "088", customer.accountNumber(), 20_000L), false);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("REQUEST_ID_CONFLICT");
        assertThat(balance(customer)).isEqualTo(90_000);
    }

    @Test
    void aTransferIsFoundByItsRequestIdAndAnUnknownOneIsNotFound() {
        AccountView customer = client.openAccount("Choi Yuna", 100_000);
        TransferRequest request = in(customer, 1_000);
        TransferResult result = client.transfer(request);

        assertThat(client.lookup(request.requestId()).lookup()).isEqualTo("FOUND");
        assertThat(client.lookup(request.requestId()).transfer()).isEqualTo(result);
        assertThat(client.lookup(UUID.randomUUID().toString()).lookup()).isEqualTo("NOT_FOUND");
    }

    @Test
    void refusedTransfersMoveNothing() {
        AccountView poor = client.openAccount("Jung Hana", 500);
        AccountView closed = client.openAccount("Kang Dohyun", 100_000);
        client.closeAccount("088", closed.accountNumber());

        assertThat(client.transfer(in(poor, 501)).outcome()).isEqualTo(Outcome.INSUFFICIENT_FUNDS);
        assertThat(client.transfer(in(closed, 1_000)).outcome()).isEqualTo(Outcome.ACCOUNT_CLOSED);
        assertThat(client.transfer(new TransferRequest(UUID.randomUUID().toString(), Direction.IN, "088",
                "000000000000", 1_000L)).outcome()).isEqualTo(Outcome.UNKNOWN_ACCOUNT);
        assertThat(balance(poor)).isEqualTo(500);
        assertThat(client.account("088", closed.accountNumber()).balance()).isEqualTo(100_000);
    }

    @Test
    void verificationComparesNormalizedHolderNames() {
        AccountView account = client.openAccount("Kim  Min-su", 0);
        AccountView closed = client.openAccount("Closed Holder", 0);
        client.closeAccount("088", closed.accountNumber());

        assertThat(verify("088", account.accountNumber(), "  kim min-SU ")).isEqualTo("MATCH");
        assertThat(verify("088", account.accountNumber(), "Kim Minji")).isEqualTo("NAME_MISMATCH");
        assertThat(verify("088", "123456789012", "Kim Min-su")).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(verify("004", account.accountNumber(), "Kim Min-su")).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(verify("088", closed.accountNumber(), "Closed Holder")).isEqualTo("CLOSED");
    }

    @Test
    void aDeclinedTransferMovesNothingAndStaysDeclinedWhenAskedAgain() {
        AccountView customer = client.openAccount("Yoon Jisu", 100_000);
        TransferRequest request = in(customer, 5_000);
        client.setFaults(FaultSettings.NONE.withDeclineRate(1.0));

        assertThat(client.transfer(request).outcome()).isEqualTo(Outcome.DECLINED);
        client.resetFaults();
        assertThat(client.transfer(request).outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(balance(customer)).isEqualTo(100_000);
    }

    @Test
    void aTimedOutTransferIsExecutedButNeverAnswered() {
        AccountView customer = client.openAccount("Han Seojun", 100_000);
        TransferRequest request = in(customer, 7_000);
        client.setFaults(FaultSettings.NONE.withTimeoutRate(1.0, 5_000));

        assertThatThrownBy(() -> postWithin(Duration.ofMillis(800), request)).isInstanceOf(HttpTimeoutException.class);

        assertThat(client.lookup(request.requestId()).transfer().outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(balance(customer)).isEqualTo(93_000);
    }

    @Test
    void aDroppedTransferIsNeitherExecutedNorAnswered() {
        AccountView customer = client.openAccount("Shin Arin", 100_000);
        TransferRequest request = in(customer, 7_000);
        client.setFaults(FaultSettings.NONE.withDropRate(1.0, 0));

        assertThatThrownBy(() -> postWithin(Duration.ofSeconds(5), request)).isInstanceOf(IOException.class);

        assertThat(client.lookup(request.requestId()).lookup()).isEqualTo("NOT_FOUND");
        assertThat(balance(customer)).isEqualTo(100_000);
    }

    @Test
    void latencyDelaysEveryBankCall() throws Exception {
        client.setFaults(FaultSettings.latency(400, 400));
        long started = System.nanoTime();

        HttpResponse<String> answer = postWithin(Duration.ofSeconds(5), in(client.openAccount("Oh Minho", 10), 1));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void faultsAreReadBackAsSet() {
        client.setFaults(new FaultSettings(10L, 20L, 0.1, 0.2, 0.3, 1_000L, null, null));

        JsonNode faults = client.faults();

        assertThat(faults.path("latencyMinMillis").asLong()).isEqualTo(10);
        assertThat(faults.path("latencyMaxMillis").asLong()).isEqualTo(20);
        assertThat(faults.path("declineRate").asDouble()).isEqualTo(0.1);
        assertThat(faults.path("timeoutRate").asDouble()).isEqualTo(0.2);
        assertThat(faults.path("dropRate").asDouble()).isEqualTo(0.3);
        assertThat(faults.path("unansweredHoldMillis").asLong()).isEqualTo(1_000);
        assertThat(faults.path("outage").asBoolean()).isFalse();
    }

    @Test
    void impossibleFaultsAreRefused() {
        for (String body : List.of("{\"declineRate\":1.5}", "{\"declineRate\":0.6,\"dropRate\":0.6}",
                "{\"latencyMinMillis\":10,\"latencyMaxMillis\":5}", "{\"latencyMaxMillis\":600000}",
                "{\"outageMillis\":1000}", "{\"unansweredHoldMillis\":-1}", "not json")) {
            HttpResponse<String> answer = client.admin("PUT", "/sim/faults", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("INVALID_REQUEST");
        }
    }

    @Test
    void badTransferRequestsAreRefusedWithoutEffect() {
        AccountView customer = client.openAccount("Baek Sora", 100_000);
        for (String body : List.of("{", "{\"requestId\":\"a b\",\"direction\":\"IN\",\"bankCode\":\"088\","
                        + "\"accountNumber\":\"" + customer.accountNumber() + "\",\"amount\":1}",
                "{\"requestId\":\"r-1\",\"direction\":\"SIDEWAYS\",\"bankCode\":\"088\",\"accountNumber\":\""
                        + customer.accountNumber() + "\",\"amount\":1}",
                "{\"requestId\":\"r-2\",\"direction\":\"IN\",\"bankCode\":\"088\",\"accountNumber\":\""
                        + customer.accountNumber() + "\",\"amount\":0}",
                "{\"requestId\":\"r-3\",\"direction\":\"IN\",\"bankCode\":\"088\",\"accountNumber\":\""
                        + customer.accountNumber() + "\",\"amount\":1000000000001}")) {
            HttpResponse<String> answer = client.send("POST", simulator.bankUrl().resolve("/api/transfers"), body,
                    false);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
        }
        assertThat(balance(customer)).isEqualTo(100_000);
    }

    @Test
    void theAdminApiNeedsTheAdminKey() {
        SimulatorClient noKey = new SimulatorClient(simulator.bankUrl(), simulator.adminUrl(), null);
        SimulatorClient wrongKey = new SimulatorClient(simulator.bankUrl(), simulator.adminUrl(), KEY + "x");
        SimulatorClient onBankPort = new SimulatorClient(simulator.bankUrl(), simulator.bankUrl(), null);

        assertThat(noKey.admin("GET", "/sim/faults", null).statusCode()).isEqualTo(401);
        assertThat(wrongKey.admin("POST", "/sim/accounts", Map.of("holderName", "X", "balance", 1)).statusCode())
                .isEqualTo(401);
        assertThat(onBankPort.admin("GET", "/sim/corporate-account", null).statusCode()).isEqualTo(401);
        assertThat(client.admin("GET", "/sim/corporate-account", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAnAdminKeyThereIsNoAdminApi() {
        try (BankSimulator keyless = BankSimulator.start(SimulatorOptions.parse(new String[]{"--port", "0"},
                Map.of()))) {
            SimulatorClient probe = new SimulatorClient(keyless.bankUrl(), keyless.bankUrl(), "any-key-at-all-123");

            assertThat(keyless.adminUrl()).isNull();
            assertThat(probe.admin("GET", "/sim/faults", null).statusCode()).isEqualTo(404);
            assertThat(probe.send("GET", keyless.bankUrl().resolve("/health"), null, false).statusCode())
                    .isEqualTo(200);
        }
    }

    private static TransferRequest in(AccountView customer, long amount) {
        return new TransferRequest(UUID.randomUUID().toString(), Direction.IN, "088", customer.accountNumber(), amount);
    }

    private static long balance(AccountView account) {
        return client.account(account.bankCode(), account.accountNumber()).balance();
    }

    private static String verify(String bankCode, String number, String holder) {
        HttpResponse<String> answer = client.send("POST", simulator.bankUrl().resolve("/api/accounts/verify"),
                Map.of("bankCode", bankCode, "accountNumber", number, "holderName", holder), false);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body().replaceAll(".*\"result\":\"([A-Z_]+)\".*", "$1");
    }

    private static HttpResponse<String> postWithin(Duration timeout, TransferRequest request) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        return http.send(HttpRequest.newBuilder(simulator.bankUrl().resolve("/api/transfers")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpIo.JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
