package dev.moa.banking;

import dev.moa.banksim.BankSimulatorProcess;
import dev.moa.banksim.SimulatorClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The bank simulator as a separate process for banking's tests, one per test JVM on free ports, stopped when the JVM
 * exits. Banking's {@code moa.bank.url} points at it.
 */
public class BankSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static BankSimulatorProcess shared;

    public static synchronized BankSimulatorProcess simulator() {
        if (shared == null) {
            BankSimulatorProcess process = BankSimulatorProcess.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::close, "bank-simulator-stop"));
            shared = process;
        }
        return shared;
    }

    /** The simulator's admin and bank APIs (admin calls go to its admin port, which stays up in an outage). */
    public static SimulatorClient bank() {
        return simulator().admin();
    }

    @Override
    public Map<String, String> start() {
        String url = simulator().bankUrl().toString();
        return Map.of("moa.bank.url", url, "quarkus.rest-client.bank.url", url);
    }

    @Override
    public void stop() {
        // The simulator outlives one Quarkus application: the next test class of this JVM reuses it.
    }
}
