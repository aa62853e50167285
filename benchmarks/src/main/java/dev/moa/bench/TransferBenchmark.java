package dev.moa.bench;

import io.smallrye.jwt.build.Jwt;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remittances through money's HTTP API with N concurrent clients over M wallets, against {@code pgbench}'s built-in
 * TPC-B-like run on the same PostgreSQL with the same client count, in one run; then the hot-account case (every
 * transfer credits one wallet). Prints transfers/s, p50/p99 latency and the ratio API / pgbench, and checks that the
 * ledger still balances. Run by {@code bench/transfers}, which starts the stack and money first.
 */
public final class TransferBenchmark {

    private static final UUID BANK_CLEARING = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private final Map<String, String> env = System.getenv();
    private final int clients = Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "16"));
    /** Load before measuring until the service's JIT is quiet, at least 90 s ({@code BENCH_WARMUP}; see WarmUp). */
    private final WarmUp warmUp = new WarmUp(env, 90);
    private final int seconds = Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "20"));
    private final int wallets = Integer.parseInt(env.getOrDefault("BENCH_WALLETS", "200"));
    private final String moneyUrl = env.getOrDefault("BENCH_MONEY_URL", "http://localhost:8083");
    private final String dbHost = env.get("MOA_DB_HOST");
    private final String dbPort = env.get("MOA_DB_PORT");
    private final String dbUser = env.get("MOA_DB_USER");
    private final String dbPassword = env.get("MOA_DB_PASSWORD");

    private record Result(String name, long operations, long errors, double seconds, long p50Micros,
                          long p99Micros) {

        double perSecond() {
            return operations / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        new TransferBenchmark().run();
    }

    private void run() throws Exception {
        PrivateKey key = readKey(Path.of(env.get("MOA_JWT_SIGN_KEY_LOCATION")));
        List<UUID> owners = createWallets();
        Map<UUID, String> tokens = new java.util.HashMap<>();
        for (UUID owner : owners) {
            tokens.put(owner, Jwt.issuer(env.getOrDefault("MOA_JWT_ISSUER", "https://membership.moa.dev"))
                    .audience("moa").subject(owner.toString()).groups(Set.of("MEMBER"))
                    .expiresIn(Duration.ofHours(1)).jws().keyId(env.get("MOA_JWT_KEY_ID")).sign(key));
        }
        System.out.printf("transfers benchmark: %d clients, %d s per case, %d wallets%n", clients, seconds, wallets);
        warmUp.run(duration -> remittances("warm-up", owners, tokens, false, duration));
        Result api = remittances("API remittances", owners, tokens, false, seconds);
        Result hot = remittances("API hot account", owners, tokens, true, seconds);
        long[] projected = projected();
        Result pgbench = pgbench();
        long imbalance = imbalance();

        System.out.println();
        System.out.printf("%-18s %12s %10s %10s %8s%n", "case", "per second", "p50 ms", "p99 ms", "errors");
        for (Result result : List.of(api, hot, pgbench)) {
            System.out.printf("%-18s %12.1f %10s %10s %8d%n", result.name(), result.perSecond(),
                    result.p50Micros() < 0 ? "-" : String.format("%.2f", result.p50Micros() / 1000.0),
                    result.p99Micros() < 0 ? "-" : String.format("%.2f", result.p99Micros() / 1000.0),
                    result.errors());
        }
        System.out.printf("%nratio API / pgbench: %.2f (goal >= 0.50, p99 <= 50 ms)%n",
                api.perSecond() / pgbench.perSecond());
        System.out.printf("ratio hot account / pgbench: %.2f%n", hot.perSecond() / pgbench.perSecond());
        System.out.printf("read models when the API cases ended: %d of %d TransferPosted applied%n", projected[0],
                projected[1]);
        System.out.printf("ledger balance after the run (must be 0): %d%n", imbalance);
        if (imbalance != 0) {
            System.exit(3);
        }
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database, dbUser,
                dbPassword);
    }

    /** Wallets opened and funded straight in the ledger, as a completed top-up would, through the posting function. */
    private List<UUID> createWallets() throws Exception {
        List<UUID> owners = new ArrayList<>();
        try (Connection connection = connect("moa_money");
             PreparedStatement open = connection.prepareStatement("insert into accounts (id, kind, owner_id, "
                     + "currency, no_overdraft, created_at) values (?, 'MEMBER_WALLET', ?, 'KRW', true, now())");
             PreparedStatement fund = connection.prepareStatement(
                     "select moa_post_transfer(?, ?, ?, 1000000000, 'TOP_UP', 'benchmark', null, null)")) {
            for (int i = 0; i < wallets; i++) {
                UUID account = UUID.randomUUID();
                UUID owner = UUID.randomUUID();
                open.setObject(1, account);
                open.setObject(2, owner);
                open.executeUpdate();
                fund.setObject(1, UUID.randomUUID());
                fund.setObject(2, BANK_CLEARING);
                fund.setObject(3, account);
                fund.executeQuery().close();
                owners.add(owner);
            }
        }
        return owners;
    }

    private Result remittances(String name, List<UUID> owners, Map<UUID, String> tokens, boolean hotAccount,
                               int duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(duration).toNanos();
        long started = System.nanoTime();
        try {
            List<Future<long[]>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                runs.add(pool.submit(() -> client(owners, tokens, hotAccount, end)));
            }
            List<long[]> measured = new ArrayList<>();
            long errors = 0;
            for (Future<long[]> run : runs) {
                long[] one = run.get();
                errors += one[0];
                measured.add(Arrays.copyOfRange(one, 1, one.length));
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            long[] latencies = measured.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(name, latencies.length, errors, elapsed, percentile(latencies, 0.50),
                    percentile(latencies, 0.99));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One client's loop over its own keep-alive connection; answers [errors, latency µs of each 201...]. Latencies go
     * to a primitive array, so the client's own garbage collections stay short and do not show as server latency.
     */
    private long[] client(List<UUID> owners, Map<UUID, String> tokens, boolean hotAccount, long end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long[] latencies = new long[1 + 65_536];
        int count = 1;
        long errors = 0;
        Http1 connection = null;
        try {
            while (System.nanoTime() < end) {
                UUID to = hotAccount ? owners.get(0) : owners.get(random.nextInt(owners.size()));
                UUID from = owners.get(random.nextInt(owners.size()));
                if (from.equals(to)) {
                    continue;
                }
                long sent = System.nanoTime();
                try {
                    connection = connection == null ? new Http1(URI.create(moneyUrl)) : connection;
                    Http1.Answer answer = connection.send("POST", "/remittances", Map.of(
                            "Authorization", "Bearer " + tokens.get(from),
                            "Idempotency-Key", "bench-" + UUID.randomUUID()),
                            "{\"toMemberId\":\"" + to + "\",\"amount\":" + (1 + random.nextInt(100)) + "}");
                    if (answer.status() == 201) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, latencies.length * 2);
                        }
                        latencies[count++] = (System.nanoTime() - sent) / 1000;
                    } else {
                        errors++;
                    }
                } catch (UncheckedIOException e) {
                    errors++;
                    if (connection != null) {
                        connection.close();
                    }
                    connection = null;
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        latencies[0] = errors;
        return Arrays.copyOf(latencies, count);
    }

    /** pgbench's TPC-B-like transaction, same server, same clients, same duration. */
    private Result pgbench() throws Exception {
        try (Connection connection = connect("postgres")) {
            try (ResultSet exists = connection.createStatement()
                    .executeQuery("select 1 from pg_database where datname = 'moa_pgbench'")) {
                if (!exists.next()) {
                    connection.createStatement().execute("create database moa_pgbench");
                }
            }
        }
        String pgbench = env.getOrDefault("BENCH_PGBENCH", "pgbench");
        exec(List.of(pgbench, "-i", "-q", "-s", Integer.toString(Math.max(clients, 10)), "-h", dbHost, "-p", dbPort,
                "-U", dbUser, "moa_pgbench"));
        // Each transaction's latency goes to a log per pgbench thread, so that its p50 and p99 stand beside the API's.
        Path logs = Files.createTempDirectory("moa-pgbench");
        try {
            String output = exec(List.of(pgbench, "-c", Integer.toString(clients), "-j",
                    Integer.toString(Math.min(clients, 4)), "-T", Integer.toString(seconds), "-M", "prepared",
                    "-l", "--log-prefix=" + logs.resolve("tx"), "-h", dbHost, "-p", dbPort, "-U", dbUser,
                    "moa_pgbench"));
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps:\n" + output);
            }
            double perSecond = Double.parseDouble(tps.group(1));
            long[] latencies = pgbenchLatencies(logs);
            return new Result("pgbench TPC-B", (long) (perSecond * seconds), 0, seconds,
                    percentile(latencies, 0.50), percentile(latencies, 0.99));
        } finally {
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(logs);
        }
    }

    /** The latencies (µs, sorted) in pgbench's per-transaction logs: the third field of each line. */
    private static long[] pgbenchLatencies(Path logs) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(" ");
                    if (fields.length > 2) {
                        latencies.add(Long.parseLong(fields[2]));
                    }
                }
            }
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private String exec(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", dbPassword == null ? "" : dbPassword);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** [TransferPosted events the report projections have applied, TransferPosted events written]. */
    private long[] projected() throws Exception {
        try (Connection connection = connect("moa_money");
             ResultSet counts = connection.createStatement().executeQuery("select (select count(*) from moa_inbox "
                     + "where consumer = 'money.projections'), (select count(*) from moa_outbox "
                     + "where event_type = 'dev.moa.money.TransferPosted')")) {
            counts.next();
            return new long[] {counts.getLong(1), counts.getLong(2)};
        }
    }

    private long imbalance() throws Exception {
        try (Connection connection = connect("moa_money");
             ResultSet sum = connection.createStatement()
                     .executeQuery("select coalesce(sum(credits_posted - debits_posted), 0) from accounts")) {
            sum.next();
            return sum.getLong(1);
        }
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static PrivateKey readKey(Path file) throws Exception {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
