package dev.moa.banksim;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the bank simulator until it is stopped (SIGTERM, Ctrl-C). Options: see {@link SimulatorOptions}. Once both
 * ports listen it prints one line {@value #READY} {@code bank=<url> admin=<url|off>}, which is what
 * {@link BankSimulatorProcess} and {@code ./moa up} wait for.
 */
public final class BankSimulatorMain {

    public static final String READY = "BANK-SIMULATOR-READY";

    private BankSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args, System.getenv());
        } catch (RuntimeException e) {
            System.err.println("bank-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        BankSimulator simulator = BankSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "bank-sim-stop"));
        describe(options, simulator);
        System.out.println(READY + " bank=" + simulator.bankUrl() + " admin="
                + (simulator.adminUrl() == null ? "off" : simulator.adminUrl()));
        System.out.flush();
        stopped.await();
    }

    private static void describe(SimulatorOptions options, BankSimulator simulator) {
        BankSimulator.log("bank " + options.bankCode() + ", bank API " + simulator.bankUrl() + ", corporate account "
                + options.corporateAccount() + " (balance " + options.corporateBalance() + " KRW)");
        if (options.adminEnabled()) {
            BankSimulator.log("admin API " + simulator.adminUrl() + " and " + simulator.bankUrl()
                    + "/sim (header " + AdminApi.KEY_HEADER + ")");
        } else if (options.production()) {
            BankSimulator.log("production mode: the admin API is off"
                    + (options.adminKey().isPresent() ? " (" + SimulatorOptions.ADMIN_KEY_ENV + " ignored)" : ""));
        } else {
            BankSimulator.log("no " + SimulatorOptions.ADMIN_KEY_ENV + ": the admin API is off");
        }
        BankSimulator.log("faults " + options.faults());
    }
}
