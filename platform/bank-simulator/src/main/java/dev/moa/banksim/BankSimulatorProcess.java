package dev.moa.banksim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For tests: the simulator as a real operating-system process (this JVM's {@code java}, a class path of the
 * simulator's own jars), on free ports, with a fresh admin key, so that faults happen at a real network boundary.
 * Its output is copied to this JVM's standard output with a {@code [bank-sim]} prefix.
 * <pre>{@code
 * try (BankSimulatorProcess bank = BankSimulatorProcess.start()) {
 *     var account = bank.admin().openAccount("Kim Minsu", 100_000);
 * }
 * }</pre>
 */
public final class BankSimulatorProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern READY_LINE = Pattern.compile(BankSimulatorMain.READY + " bank=(\\S+) admin=(\\S+)");

    private final Process process;
    private final URI bankUrl;
    private final URI adminUrl;
    private final String adminKey;

    private BankSimulatorProcess(Process process, URI bankUrl, URI adminUrl, String adminKey) {
        this.process = process;
        this.bankUrl = bankUrl;
        this.adminUrl = adminUrl;
        this.adminKey = adminKey;
    }

    /** A simulator with an admin key, on free ports, without faults. */
    public static BankSimulatorProcess start() {
        return start(List.of(), false);
    }

    /**
     * @param options    further command-line options ({@link SimulatorOptions}); ports are free ones unless given
     * @param production run in production mode (no admin API, though an admin key is set)
     */
    public static BankSimulatorProcess start(List<String> options, boolean production) {
        String adminKey = "test-" + UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", classPath(), BankSimulatorMain.class.getName(), "--port", "0", "--admin-port", "0"));
        command.addAll(options);
        if (production) {
            command.add("--production");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(SimulatorOptions.ADMIN_KEY_ENV, adminKey);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bank simulator: " + command, e);
        }
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, ready), "bank-sim-output");
        pump.setDaemon(true);
        pump.start();
        try {
            Matcher urls = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            URI admin = urls.group(2).equals("off") ? null : URI.create(urls.group(2));
            return new BankSimulatorProcess(process, URI.create(urls.group(1)), admin, adminKey);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the bank simulator did not start within " + START_TIMEOUT, e);
        }
    }

    /** The bank API, e.g. {@code http://127.0.0.1:41234}. */
    public URI bankUrl() {
        return bankUrl;
    }

    /** The admin port's URL, or null when the admin API is off. */
    public URI adminUrl() {
        return adminUrl;
    }

    public String adminKey() {
        return adminKey;
    }

    /** A client of the admin API (on the admin port, so it works during an outage) and of the bank API. */
    public SimulatorClient admin() {
        return new SimulatorClient(bankUrl, adminUrl == null ? bankUrl : adminUrl, adminKey);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Process process, CompletableFuture<Matcher> ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("[bank-sim] " + line);
                Matcher matcher = READY_LINE.matcher(line);
                if (matcher.find()) {
                    ready.complete(matcher);
                }
            }
        } catch (IOException e) {
            // The process ended; nothing more to copy.
        }
        ready.completeExceptionally(new IllegalStateException("the bank simulator exited before it was ready"));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The simulator's classes and Jackson's jars, found where this JVM loaded them from. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(BankSimulatorMain.class, ObjectMapper.class, JsonFactory.class,
                JsonInclude.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
