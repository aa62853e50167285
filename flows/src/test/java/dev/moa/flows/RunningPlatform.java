package dev.moa.flows;

import dev.moa.banksim.BankSimulatorProcess;
import dev.moa.banksim.SimulatorClient;
import dev.moa.devstack.DevStack;
import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.ServiceProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The services of a flow, each packaged and running as its own process against one devstack (real Kafka, PostgreSQL
 * and Redis), with the bank simulator as a process of its own, started once for every test class of this JVM and
 * stopped at its end. Test classes receive it as a parameter ({@code @ExtendWith(RunningPlatform.Extension.class)}).
 */
public final class RunningPlatform implements AutoCloseable {

    /** In start order: membership announces members, banking and money keep their copies, money opens wallets. */
    private static final List<String> SERVICES = List.of("membership", "banking", "money", "auction-bidding",
            "payment");
    /** The first admin membership creates at start (a throw-away password for this run). */
    static final String ADMIN_EMAIL = "admin@flows.moa.local";
    static final String ADMIN_PASSWORD = "flows admin " + UUID.randomUUID();

    private final Path root = Path.of(System.getProperty("moa.repository.root", "..")).toAbsolutePath().normalize();
    private final Path logDir = Path.of(System.getProperty("moa.flows.log-dir", "target/flows-logs"));
    private final DevStack stack;
    private final BankSimulatorProcess bank;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private RunningPlatform(DevStack stack, BankSimulatorProcess bank) {
        this.stack = stack;
        this.bank = bank;
    }

    static RunningPlatform start() {
        RunningPlatform platform = new RunningPlatform(DevStackResource.stack(), BankSimulatorProcess.start());
        try {
            for (String module : SERVICES) {
                platform.services.put(module, platform.startService(module));
            }
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /**
     * Banking runs with short bank-call timeouts and a fast reconciliation, so that a flow that loses an answer is
     * decided in seconds; the timings still satisfy banking's own start-up check (nothing is guessed).
     */
    private ServiceProcess startService(String module) {
        Map<String, String> extra = switch (module) {
            case "membership" -> Map.of("MOA_ADMIN_EMAIL", ADMIN_EMAIL, "MOA_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // Lots as short as a minute, so that a flow can schedule one that opens in seconds.
            case "auction-bidding" -> Map.of("MOA_AUCTION_MIN_DURATION", "1m");
            case "banking" -> Map.of(
                "MOA_BANK_URL", bank.bankUrl().toString(),
                "QUARKUS_REST_CLIENT_BANK_CONNECT_TIMEOUT", "500",
                "QUARKUS_REST_CLIENT_BANK_READ_TIMEOUT", "2000",
                "MOA_FIRMBANKING_STUCK_AFTER", "4s",
                "MOA_FIRMBANKING_IN_FLIGHT_WINDOW", "4s",
                "MOA_FIRMBANKING_RECONCILE_EVERY", "1s",
                "MOA_FIRMBANKING_RECONCILE_DELAY", "1s",
                "MOA_FIRMBANKING_BACKOFF_INITIAL", "200ms",
                "MOA_FIRMBANKING_BACKOFF_MAX", "1s");
            default -> Map.of();
        };
        return ServiceProcess.start(root, module, stack.environment(), extra, logDir);
    }

    /** Kills {@code module} with SIGKILL, as a crash would, and starts it again (on another port). */
    public void crashAndRestart(String module) {
        ServiceProcess crashed = services.get(module);
        crashed.kill();
        services.put(module, startService(module));
    }

    /** The admin side of the bank: open accounts, read balances, inject faults. */
    public SimulatorClient bank() {
        return bank.admin();
    }

    public URI uri(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw new IllegalArgumentException("not running in this platform: " + module);
        }
        return service.baseUri();
    }

    public DevStack stack() {
        return stack;
    }

    /** Stops the services in reverse order; the devstack belongs to the JVM and stops with it. */
    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        services.clear();
        bank.close();
    }

    /** Hands the one platform of this JVM to test classes; JUnit closes it when the whole run ends. */
    public static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningPlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(RunningPlatform.class, key -> start(), RunningPlatform.class);
        }
    }
}
