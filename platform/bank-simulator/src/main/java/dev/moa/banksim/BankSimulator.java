package dev.moa.banksim;

import com.sun.net.httpserver.HttpServer;
import dev.moa.banksim.AdminApi.FaultView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The running simulator: the bank API on {@code port} and, when enabled, the admin API on {@code adminPort} (and
 * under {@code /sim} of the bank port). An outage closes the bank port's listening socket, so that clients get a real
 * "connection refused"; the admin port stays up, which is how an outage is ended early. After the outage the bank API
 * listens on the same port again.
 */
public final class BankSimulator implements AutoCloseable, AdminApi.FaultControl {

    private static final int BACKLOG = 128;

    private final SimulatorOptions options;
    private final Bank bank;
    private final FaultInjector faults;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpThreads;
    private final BankApi bankApi;
    private final HttpServer adminServer;
    private HttpServer bankServer;
    private int bankPort;
    private ScheduledFuture<?> outageEnd;
    private Instant outageEndsAt;
    private boolean closed;

    private BankSimulator(SimulatorOptions options) {
        this.options = options;
        this.bank = new Bank(options.bankCode(), "Moa Corp", options.corporateAccount(), options.corporateBalance());
        this.faults = new FaultInjector(FaultSettings.NONE, options.seed());
        this.scheduler = Executors.newScheduledThreadPool(4, daemon("bank-sim-worker"));
        this.httpThreads = Executors.newFixedThreadPool(8, daemon("bank-sim-http"));
        AdminApi admin = options.adminEnabled() ? new AdminApi(bank, this, options.adminKey().orElseThrow()) : null;
        this.bankApi = new BankApi(bank, faults, scheduler, admin);
        this.adminServer = admin == null ? null : server(options.adminPort());
        if (adminServer != null) {
            adminServer.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().equals("/health")) {
                    HttpIo.send(exchange, 200, java.util.Map.of("status", "UP"));
                } else {
                    admin.handle(exchange);
                }
            });
        }
    }

    /** Starts the bank API (and the admin API when enabled) and applies the start options' faults. */
    public static BankSimulator start(SimulatorOptions options) {
        BankSimulator simulator = new BankSimulator(options);
        try {
            simulator.startBankServer(options.port());
            if (simulator.adminServer != null) {
                simulator.adminServer.start();
            }
            simulator.apply(options.faults());
            return simulator;
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    public Bank bank() {
        return bank;
    }

    public int port() {
        return bankPort;
    }

    /** The admin port, or -1 when the admin API is off. */
    public int adminPort() {
        return adminServer == null ? -1 : adminServer.getAddress().getPort();
    }

    public URI bankUrl() {
        return URI.create("http://" + host() + ":" + bankPort);
    }

    /** The admin API's base URL, or null when it is off. */
    public URI adminUrl() {
        return adminServer == null ? null : URI.create("http://" + host() + ":" + adminPort());
    }

    @Override
    public synchronized FaultView apply(FaultSettings settings) {
        if (outageEnd != null) {
            outageEnd.cancel(false);
            outageEnd = null;
        }
        outageEndsAt = null;
        faults.set(settings);
        if (settings.outage()) {
            stopBankServer();
            if (settings.outageMillis() != null) {
                outageEndsAt = Instant.now().plusMillis(settings.outageMillis());
                outageEnd = scheduler.schedule(this::endOutage, settings.outageMillis(), TimeUnit.MILLISECONDS);
            }
        } else {
            restoreBankServer();
        }
        return current();
    }

    @Override
    public synchronized FaultView current() {
        return new FaultView(faults.settings(), outageEndsAt == null ? null : outageEndsAt.toString());
    }

    private synchronized void endOutage() {
        FaultSettings now = faults.settings();
        apply(new FaultSettings(now.latencyMinMillis(), now.latencyMaxMillis(), now.declineRate(), now.timeoutRate(),
                now.dropRate(), now.unansweredHoldMillis(), false, null));
        log("outage over: the bank API listens again on port " + bankPort);
    }

    /** Listens on the bank port again; if the port is not free yet, retries shortly (the outage lasts until then). */
    private synchronized void restoreBankServer() {
        if (bankServer != null || closed || faults.settings().outage()) {
            return;
        }
        try {
            startBankServer(bankPort);
        } catch (UncheckedIOException e) {
            log("cannot listen on port " + bankPort + " again yet, retrying: " + e.getCause().getMessage());
            scheduler.schedule(this::restoreBankServer, 200, TimeUnit.MILLISECONDS);
        }
    }

    private void startBankServer(int port) {
        HttpServer server = server(port);
        server.createContext("/", bankApi);
        server.start();
        bankServer = server;
        bankPort = server.getAddress().getPort();
    }

    private void stopBankServer() {
        if (bankServer != null) {
            bankServer.stop(0);
            bankServer = null;
            log("outage: the bank API's port " + bankPort + " refuses connections");
        }
    }

    private HttpServer server(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), port), BACKLOG);
            server.setExecutor(httpThreads);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + port, e);
        }
    }

    private String host() {
        return options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (bankServer != null) {
            bankServer.stop(0);
            bankServer = null;
        }
        if (adminServer != null) {
            adminServer.stop(0);
        }
        scheduler.shutdownNow();
        httpThreads.shutdownNow();
    }

    static void log(String message) {
        System.out.println(Instant.now() + " bank-simulator " + message);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
