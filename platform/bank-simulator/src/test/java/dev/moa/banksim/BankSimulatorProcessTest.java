package dev.moa.banksim;

import dev.moa.banksim.BankModel.AccountView;
import dev.moa.banksim.BankModel.Direction;
import dev.moa.banksim.BankModel.Outcome;
import dev.moa.banksim.BankModel.TransferRequest;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The simulator as a separate operating-system process, as banking's tests and ./moa up run it. */
class BankSimulatorProcessTest {

    @Test
    void anOutageRefusesConnectionsWhileTheAdminPortStaysUp() {
        try (BankSimulatorProcess bank = BankSimulatorProcess.start()) {
            SimulatorClient client = bank.admin();
            AccountView customer = client.openAccount("Kim Minsu", 10_000);

            client.setFaults(FaultSettings.NONE.withOutage(null));

            assertRefused(bank.bankUrl());
            assertThatThrownBy(() -> client.lookup("anything")).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(ConnectException.class);
            assertThat(client.faults().path("outage").asBoolean()).isTrue();
            client.resetFaults();
            assertThat(client.transfer(new TransferRequest(UUID.randomUUID().toString(), Direction.IN, "088",
                    customer.accountNumber(), 1_000L)).outcome()).isEqualTo(Outcome.SUCCEEDED);
        }
    }

    @Test
    void aTimedOutageEndsByItself() {
        try (BankSimulatorProcess bank = BankSimulatorProcess.start()) {
            SimulatorClient client = bank.admin();
            client.setFaults(FaultSettings.NONE.withOutage(1_000L));

            assertRefused(bank.bankUrl());
            assertThat(client.faults().path("outageEndsAt").isTextual()).isTrue();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> client.lookup("anything").lookup().equals("NOT_FOUND"));
            assertThat(client.faults().path("outage").asBoolean()).isFalse();
        }
    }

    @Test
    void inProductionModeTheAdminApiIsNotReachable() {
        try (BankSimulatorProcess bank = BankSimulatorProcess.start(List.of(), true)) {
            SimulatorClient withKey = new SimulatorClient(bank.bankUrl(), bank.bankUrl(), bank.adminKey());

            assertThat(bank.adminUrl()).isNull();
            assertThat(withKey.admin("GET", "/sim/faults", null).statusCode()).isEqualTo(404);
            assertThat(withKey.admin("POST", "/sim/accounts", "{\"holderName\":\"Mallory\",\"balance\":1000000}")
                    .statusCode()).isEqualTo(404);
            assertThat(withKey.lookup("anything").lookup()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void stoppingTheProcessFreesItsPort() {
        BankSimulatorProcess bank = BankSimulatorProcess.start();
        SimulatorClient client = bank.admin();

        bank.close();

        assertThat(bank.isAlive()).isFalse();
        assertRefused(bank.bankUrl());
        assertThatThrownBy(() -> client.lookup("anything")).hasCauseInstanceOf(ConnectException.class);
    }

    /** A plain TCP connect is refused: nothing listens on the port. */
    private static void assertRefused(URI url) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2_000);
            }
        }).isInstanceOf(ConnectException.class).hasMessageContaining("refused");
    }
}
