package dev.moa.bench;

import io.smallrye.jwt.build.Jwt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hot lot: N concurrent bidders bid over auction-bidding's HTTP API on one lot, and the same bid script is driven
 * directly against the same Redis by N raw clients on a second lot, in one run. Prints decisions/s (accepted and
 * refused), p50/p99 latency and the ratio API / raw, then checks the invariants on both lots: the final price is
 * the highest accepted bid, the sequence is gapless, no two accepted bids share a price, and the PostgreSQL bid log
 * holds every accepted bid exactly once. The same HTTP bidders then offer, on a fixed schedule, half the measured raw
 * rate (the goal's rate) and shares of the API's own rate (25, 50 and 80 % by default), which shows latency at a given
 * load rather than at saturation (where 200 bidders that never pause wait in line by Little's law). Run by
 * {@code bench/auction}, which starts the stack and the service first.
 */
public final class AuctionBenchmark {

    /**
     * Each bidder thread's latency buffer starts this small and doubles as it fills. It was a fixed 200,000 samples
     * (1.6 MB, a humongous object for G1) per thread per case: 320 MB live in this JVM's 1 GB heap, whose young pauses
     * then reached 34 ms at the p99 and 62 ms at most, and every bid in flight during one counted it as its latency.
     */
    private static final int FIRST_SAMPLES = 1_024;
    /** A bound on one bidder thread's samples in one case (80 MB), far above any rate seen here. */
    private static final int MAX_SAMPLES = 10_000_000;

    private final Map<String, String> env = System.getenv();
    private final int bidders = Integer.parseInt(env.getOrDefault("BENCH_BIDDERS", "200"));
    private final int seconds = Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "20"));
    /** Load before measuring until the service's JIT is quiet, at least 45 s ({@code BENCH_WARMUP}; see WarmUp). */
    private final WarmUp warmUp = new WarmUp(env, 45);
    /** The raw client is small and warms up quickly, but it gets a warm-up of its own too. */
    private final int rawWarmUpSeconds = 10;
    private final int spreadLots = Integer.parseInt(env.getOrDefault("BENCH_LOTS", "1000"));
    /** The shares of the API's back-to-back rate offered on a schedule, one paced case each. */
    private final List<Double> pacedShares = java.util.Arrays.stream(
            env.getOrDefault("BENCH_PACED_SHARES", "0.25,0.5,0.8").split(",")).map(String::trim)
            .map(Double::parseDouble).toList();
    private final String url = env.getOrDefault("BENCH_AUCTION_URL", "http://localhost:8084");
    private final String redisUrl = env.get("MOA_REDIS_URL");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    /** One keep-alive connection per bidder for the bids (the JDK client above serves the set-up calls). */
    private final Map<UUID, Http1> bidConnections = new java.util.concurrent.ConcurrentHashMap<>();
    private PrivateKey key;

    private record Result(String name, long accepted, long refused, long errors, double seconds, long p50Micros,
                          long p99Micros, long highest) {

        double perSecond() {
            return (accepted + refused) / seconds;
        }
    }

    /** One decision: accepted or not, the price after it, the minimum next bid it names. */
    private record Decision(int status, long price, long minimum) {
    }

    public static void main(String[] args) {
        try {
            new AuctionBenchmark().run();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    private void run() throws Exception {
        key = readKey(Path.of(env.get("MOA_JWT_SIGN_KEY_LOCATION")));
        UUID seller = UUID.randomUUID();
        UUID apiLot = createLot(seller);
        UUID rawLot = createLot(seller);
        List<UUID> apiBidders = register(apiLot);
        List<UUID> rawBidders = register(rawLot);
        awaitOpen(apiLot, seller);
        awaitOpen(rawLot, seller);
        System.out.printf("auction benchmark: %d bidders on one hot lot, %d s per case%n", bidders, seconds);

        Map<UUID, String> tokens = new java.util.HashMap<>();
        for (UUID bidder : apiBidders) {
            tokens.put(bidder, token(bidder, "MEMBER"));
        }
        String bidSha = scriptSha();
        AtomicLong warmUpAccepted = new AtomicLong();
        warmUp.run(duration -> warmUpAccepted.addAndGet(hotLot("warm-up", apiBidders, duration,
                bidder -> amount -> httpBid(apiLot, bidder, tokens.get(bidder), amount)).accepted()));
        Result api = hotLot("API (HTTP)", apiBidders, seconds, bidder -> amount -> httpBid(apiLot, bidder,
                tokens.get(bidder), amount));
        Result rawWarmUp = rawHotLot("raw warm-up", rawLot, rawBidders, bidSha, rawWarmUpSeconds);
        Result raw = rawHotLot("raw script", rawLot, rawBidders, bidSha, seconds);
        // Latency under loads the API can carry: the same bidders offer a share of what the API decided back to back
        // (BENCH_PACED_SHARES), each on a fixed schedule, each bid's latency counted from when it was due (a late
        // answer delays the next): the p99 at a given rate, not only the queue of bidders that never wait.
        List<Result> carried = new ArrayList<>();
        for (double share : pacedShares) {
            double offered = api.perSecond() * share;
            carried.add(hotLot("API @ %.2f max".formatted(share), apiBidders, seconds,
                    (long) (apiBidders.size() * 1e9 / offered),
                    bidder -> amount -> httpBid(apiLot, bidder, tokens.get(bidder), amount)));
        }
        // The anchor of those latencies: the raw script paced at the lowest of those rates by the same bidder threads,
        // so that what the machine itself adds at that load (the load generator's threads, Redis, the bid log) shows.
        double lowest = pacedShares.stream().mapToDouble(Double::doubleValue).min().orElse(0.25);
        Result rawPaced = rawHotLot("raw @ %.2f max".formatted(lowest), rawLot, rawBidders, bidSha, seconds,
                (long) (rawBidders.size() * 1e9 / (api.perSecond() * lowest)));
        // Latency at the goal's rate: half the raw rate, paced the same way (last: it may overload the service).
        double halfRaw = raw.perSecond() / 2;
        Result paced = hotLot("API @ raw/2", apiBidders, seconds, (long) (apiBidders.size() * 1e9 / halfRaw),
                bidder -> amount -> httpBid(apiLot, bidder, tokens.get(bidder), amount));
        List<UUID> lots = spreadLots > 0 ? spreadLots(seller, apiBidders) : List.of();
        Result spread = lots.isEmpty() ? null : spread(lots, apiBidders, tokens);

        System.out.println();
        System.out.printf("%-12s %12s %10s %10s %9s %9s %7s%n", "case", "decisions/s", "accepted", "refused",
                "p50 ms", "p99 ms", "errors");
        List<Result> results = new ArrayList<>(List.of(api, raw, paced));
        results.addAll(carried);
        results.add(rawPaced);
        if (spread != null) {
            results.add(spread);
        }
        for (Result result : results) {
            System.out.printf("%-12s %12.1f %10d %10d %9.2f %9.2f %7d%n", result.name(), result.perSecond(),
                    result.accepted(), result.refused(), result.p50Micros() / 1000.0, result.p99Micros() / 1000.0,
                    result.errors());
        }
        System.out.printf("%nratio API / raw script: %.2f (goal >= 0.50; API p99 goal <= 20 ms)%n",
                api.perSecond() / raw.perSecond());
        System.out.printf("API at half the raw rate: offered %.1f/s, decided %.1f/s, p99 %.2f ms (goal <= 20 ms)%n",
                halfRaw, paced.perSecond(), paced.p99Micros() / 1000.0);
        for (int i = 0; i < carried.size(); i++) {
            System.out.printf("API at %.0f %% of its own rate: offered %.1f/s, decided %.1f/s, p99 %.2f ms%n",
                    pacedShares.get(i) * 100, api.perSecond() * pacedShares.get(i), carried.get(i).perSecond(),
                    carried.get(i).p99Micros() / 1000.0);
        }
        System.out.printf("raw script at %.0f %% of the API's rate: offered %.1f/s, decided %.1f/s, p99 %.2f ms%n",
                lowest * 100, api.perSecond() * lowest, rawPaced.perSecond(), rawPaced.p99Micros() / 1000.0);
        long carriedAccepted = carried.stream().mapToLong(Result::accepted).sum();
        long carriedHighest = carried.stream().mapToLong(Result::highest).max().orElse(0);
        boolean ok = invariants("API lot", apiLot, api.accepted() + warmUpAccepted.get() + paced.accepted()
                        + carriedAccepted, Math.max(api.highest(), Math.max(paced.highest(), carriedHighest)))
                & invariants("raw lot", rawLot, raw.accepted() + rawWarmUp.accepted() + rawPaced.accepted(),
                        Math.max(raw.highest(), rawPaced.highest()))
                & (spread == null || spreadInvariants(lots, spread));
        // The HTTP client's threads would keep the JVM alive.
        System.exit(ok ? 0 : 3);
    }

    private Result hotLot(String name, List<UUID> bidderIds, int runSeconds,
                          Function<UUID, Function<Long, Decision>> bidder) throws Exception {
        return hotLot(name, bidderIds, runSeconds, 0, bidder);
    }

    /**
     * Every bidder bids on the hot lot until {@code runSeconds} have passed: back to back when {@code intervalNanos}
     * is 0, else one bid every {@code intervalNanos}, each due at a fixed time (bidders spread evenly over the first
     * interval), its latency counted from when it was due.
     */
    private Result hotLot(String name, List<UUID> bidderIds, int runSeconds, long intervalNanos,
                          Function<UUID, Function<Long, Decision>> bidder) throws Exception {
        AtomicLong minimum = new AtomicLong(10_000);
        AtomicLong highest = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(runSeconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(bidderIds.size());
        List<Future<long[]>> runs = new ArrayList<>();
        long firstDue = System.nanoTime();
        for (UUID id : bidderIds) {
            Function<Long, Decision> bid = bidder.apply(id);
            long myFirst = firstDue + intervalNanos * runs.size() / bidderIds.size();
            runs.add(pool.submit(() -> {
                long[] mine = new long[FIRST_SAMPLES];
                int n = 0;
                long due = myFirst;
                while (System.nanoTime() < deadline && n < MAX_SAMPLES) {
                    long start = System.nanoTime();
                    if (intervalNanos > 0) {
                        while (start < due) {
                            LockSupport.parkNanos(due - start);
                            start = System.nanoTime();
                        }
                        start = due;
                        due += intervalNanos;
                    }
                    long amount = minimum.get() + 1_000L * ThreadLocalRandom.current().nextInt(3);
                    Decision decision;
                    try {
                        decision = bid.apply(amount);
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() == 1) {
                            System.out.println(name + ": first error: " + e);
                        }
                        continue;
                    }
                    if (n == mine.length) {
                        mine = java.util.Arrays.copyOf(mine, 2 * n);
                    }
                    mine[n++] = (System.nanoTime() - start) / 1_000;
                    if (decision.status() == 201) {
                        accepted.incrementAndGet();
                        highest.accumulateAndGet(decision.price(), Math::max);
                    } else if (decision.status() == 409 || decision.status() == 422) {
                        refused.incrementAndGet();
                    } else if (errors.incrementAndGet() == 1) {
                        System.out.println(name + ": first error: HTTP " + decision.status());
                    }
                    if (decision.minimum() > 0) {
                        minimum.accumulateAndGet(decision.minimum(), Math::max);
                    }
                }
                return java.util.Arrays.copyOf(mine, n);
            }));
        }
        for (Future<long[]> run : runs) {
            latencies.add(run.get());
        }
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        return new Result(name, accepted.get(), refused.get(), errors.get(), runSeconds, percentile(all, 50),
                percentile(all, 99), highest.get());
    }

    /** {@code spreadLots} lots that open together, each with every bidder registered (their limits in Redis). */
    private List<UUID> spreadLots(UUID seller, List<UUID> bidderIds) throws Exception {
        Instant start = Instant.now().plusSeconds(20 + spreadLots / 50);
        List<UUID> lots = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> created = new ArrayList<>();
        for (int i = 0; i < spreadLots; i++) {
            created.add(pool.submit(() -> {
                lots.add(createLot(seller, start));
                return null;
            }));
        }
        for (Future<?> lot : created) {
            lot.get();
        }
        pool.shutdown();
        try (Resp redis = new Resp(redisUrl)) {
            for (UUID lot : lots) {
                List<String> command = new ArrayList<>(List.of("HSET", "moa:{lot:" + lot + "}:limits"));
                for (UUID bidder : bidderIds) {
                    command.add(bidder.toString());
                    command.add("100000000000");
                }
                redis.call(command.toArray(String[]::new));
            }
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), start).toMillis()));
        for (UUID lot : lots) {
            awaitOpen(lot, seller);
        }
        System.out.printf("%d lots open for the spread case%n", lots.size());
        return lots;
    }

    /** The same bidders over HTTP, each bid on a lot drawn at random from many. */
    private Result spread(List<UUID> lots, List<UUID> bidderIds, Map<UUID, String> tokens) throws Exception {
        Map<UUID, AtomicLong> minimum = new java.util.concurrent.ConcurrentHashMap<>();
        lots.forEach(lot -> minimum.put(lot, new AtomicLong(10_000)));
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(bidderIds.size());
        List<Future<long[]>> runs = new ArrayList<>();
        for (UUID bidder : bidderIds) {
            runs.add(pool.submit(() -> {
                long[] mine = new long[FIRST_SAMPLES];
                int n = 0;
                while (System.nanoTime() < deadline && n < MAX_SAMPLES) {
                    UUID lot = lots.get(ThreadLocalRandom.current().nextInt(lots.size()));
                    long start = System.nanoTime();
                    Decision decision;
                    try {
                        decision = httpBid(lot, bidder, tokens.get(bidder), minimum.get(lot).get());
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == mine.length) {
                        mine = java.util.Arrays.copyOf(mine, 2 * n);
                    }
                    mine[n++] = (System.nanoTime() - start) / 1_000;
                    if (decision.status() == 201) {
                        accepted.incrementAndGet();
                    } else if (decision.status() == 409 || decision.status() == 422) {
                        refused.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                    if (decision.minimum() > 0) {
                        minimum.get(lot).accumulateAndGet(decision.minimum(), Math::max);
                    }
                }
                return java.util.Arrays.copyOf(mine, n);
            }));
        }
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> run : runs) {
            latencies.add(run.get());
        }
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        return new Result("API spread", accepted.get(), refused.get(), errors.get(), seconds, percentile(all, 50),
                percentile(all, 99), 0);
    }

    /** Every lot of the spread case: its bid log holds exactly its accepted bids, numbered without gaps. */
    private boolean spreadInvariants(List<UUID> lots, Result spread) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        long sequences = 0;
        long bad = 0;
        try (Resp redis = new Resp(redisUrl)) {
            for (UUID lot : lots) {
                long seq = Long.parseLong((String) redis.call("HGET", "moa:{lot:" + lot + "}:state", "seq"));
                sequences += seq;
                long[] log = bidLog(lot);
                while (log[0] < seq && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    log = bidLog(lot);
                }
                if (log[0] != seq || log[1] != seq || log[2] != seq) {
                    bad++;
                }
            }
        }
        boolean ok = bad == 0 && sequences == spread.accepted();
        System.out.printf("spread lots: %d lots, accepted %d, sum of sequences %d, lots whose bid log differs %d -> %s%n",
                lots.size(), spread.accepted(), sequences, bad, ok ? "OK" : "VIOLATED");
        return ok;
    }

    private static final Pattern PRICE = Pattern.compile("\"price\":(\\d+)");
    private static final Pattern MINIMUM = Pattern.compile("\"minimumNextBid\":(\\d+)");

    private Decision httpBid(UUID lot, UUID bidder, String token, long amount) {
        Http1 connection = bidConnections.computeIfAbsent(bidder, b -> new Http1(URI.create(url)));
        Http1.Answer answer;
        try {
            answer = connection.send("POST", "/lots/" + lot + "/bids", Map.of("Authorization", "Bearer " + token,
                    "Idempotency-Key", "bench-" + UUID.randomUUID()), "{\"amount\":" + amount + "}");
        } catch (RuntimeException e) {
            bidConnections.remove(bidder).close();
            throw e;
        }
        if (answer.status() == 201) {
            return new Decision(201, number(PRICE, answer.body()), number(MINIMUM, answer.body()));
        }
        String minimum = answer.headers().get("moa-minimum-bid");
        return new Decision(answer.status(), 0, minimum == null ? 0 : Long.parseLong(minimum));
    }

    /** The same script with the same keys and arguments as the service sends, over one raw connection per bidder. */
    private Result rawHotLot(String name, UUID lot, List<UUID> bidderIds, String sha, int runSeconds)
            throws Exception {
        return rawHotLot(name, lot, bidderIds, sha, runSeconds, 0);
    }

    /** The bid script driven directly, back to back or paced as {@link #hotLot} paces the API. */
    private Result rawHotLot(String name, UUID lot, List<UUID> bidderIds, String sha, int runSeconds,
                             long intervalNanos) throws Exception {
        String tag = "moa:{lot:" + lot + "}";
        Map<UUID, Resp> connections = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            return hotLot(name, bidderIds, runSeconds, intervalNanos, bidder -> amount -> {
                Resp redis = connections.computeIfAbsent(bidder, b -> new Resp(redisUrl));
                String idem = "bench-" + UUID.randomUUID();
                String answer = (String) redis.call("EVALSHA", sha, "5", tag + ":state", tag + ":limits",
                        tag + ":max", tag + ":bids", tag + ":idem:" + bidder + ":" + idem, bidder.toString(),
                        "MANUAL", Long.toString(amount), "MANUAL:" + amount, "86400000", tag + ":live");
                String[] parts = answer.split("\\|", -1);
                if ("A".equals(parts[0])) {
                    return new Decision(201, Long.parseLong(parts[2]), Long.parseLong(parts[9]));
                }
                long minimum = "TOO_LOW".equals(parts[1]) ? Long.parseLong(parts[2]) : 0;
                return new Decision("TOO_LOW".equals(parts[1]) || "OVER_LIMIT".equals(parts[1]) ? 422 : 409, 0,
                        minimum);
            });
        } finally {
            connections.values().forEach(Resp::close);
        }
    }

    private boolean invariants(String name, UUID lot, long accepted, long highest) throws Exception {
        long seq;
        long price;
        try (Resp redis = new Resp(redisUrl)) {
            @SuppressWarnings("unchecked")
            List<Object> state = (List<Object>) redis.call("HMGET", "moa:{lot:" + lot + "}:state", "seq", "price");
            seq = Long.parseLong((String) state.get(0));
            price = Long.parseLong((String) state.get(1));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long[] log = bidLog(lot);
        while (log[0] < seq && System.nanoTime() < deadline) {
            Thread.sleep(250);
            log = bidLog(lot);
        }
        boolean ok = seq == accepted && price == highest && log[0] == seq && log[1] == seq
                && log[2] == seq && log[3] == price;
        System.out.printf("%s: accepted %d, sequence %d, bid log rows %d (max seq %d, distinct prices %d), final price "
                        + "%d = highest accepted %d -> %s%n", name, accepted, seq, log[0], log[1], log[2],
                price, highest, ok ? "OK" : "VIOLATED");
        return ok;
    }

    /** Rows, highest seq, distinct prices and the last price of the lot's bid log. */
    private long[] bidLog(UUID lot) throws Exception {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("select count(*), coalesce(max(seq), 0), "
                     + "count(distinct price), coalesce((select price from bids where lot_id = ? order by seq desc "
                     + "limit 1), 0) from bids where lot_id = ?")) {
            query.setObject(1, lot);
            query.setObject(2, lot);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)};
            }
        }
    }

    private UUID createLot(UUID seller) throws Exception {
        return createLot(seller, Instant.now().plusSeconds(4));
    }

    private UUID createLot(UUID seller, Instant start) throws Exception {
        String body = "{\"title\":\"Hot lot\",\"artist\":\"Bench\",\"category\":\"PAINTING\",\"startPrice\":10000,"
                + "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plus(Duration.ofHours(2)) + "\","
                + "\"softCloseSeconds\":0,\"extensionSeconds\":0,\"maxExtensions\":0,"
                + "\"increments\":[{\"from\":0,\"increment\":1000}]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/lots"))
                .header("Authorization", "Bearer " + token(seller, "MEMBER", "SELLER"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("lot not created: " + response.body());
        }
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]+)\"").matcher(response.body());
        id.find();
        return UUID.fromString(id.group(1));
    }

    /** Bidders approved as money's HoldPlaced would approve them: the registration row and the limit in Redis. */
    private List<UUID> register(UUID lot) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = connect(); Resp redis = new Resp(redisUrl);
             PreparedStatement insert = connection.prepareStatement("insert into registrations (lot_id, bidder_id, "
                     + "status, approved_limit, hold_id) values (?, ?, 'APPROVED', 100000000000, ?)")) {
            for (int i = 0; i < bidders; i++) {
                UUID bidder = UUID.randomUUID();
                insert.setObject(1, lot);
                insert.setObject(2, bidder);
                insert.setObject(3, UUID.randomUUID());
                insert.executeUpdate();
                redis.call("HSET", "moa:{lot:" + lot + "}:limits", bidder.toString(), "100000000000");
                ids.add(bidder);
            }
        }
        return ids;
    }

    private void awaitOpen(UUID lot, UUID reader) throws Exception {
        String token = token(reader, "MEMBER");
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/lots/" + lot))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.body().contains("\"status\":\"OPEN\"")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("lot " + lot + " did not open");
    }

    /** Loads the service's bid script into Redis (the service would, on its first bid) and returns its SHA-1. */
    private String scriptSha() throws Exception {
        String script = Files.readString(Path.of(env.getOrDefault("BENCH_BID_SCRIPT",
                "auction-bidding/src/main/resources/lua/bid.lua")));
        try (Resp redis = new Resp(redisUrl)) {
            String sha = (String) redis.call("SCRIPT", "LOAD", script);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
            if (!sha.equals(expected)) {
                throw new IllegalStateException("script SHA mismatch");
            }
            return sha;
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + env.get("MOA_DB_HOST") + ":" + env.get("MOA_DB_PORT")
                + "/moa_auction", env.get("MOA_DB_USER"), env.get("MOA_DB_PASSWORD"));
    }

    private String token(UUID subject, String... roles) {
        return Jwt.issuer(env.getOrDefault("MOA_JWT_ISSUER", "https://membership.moa.dev")).audience("moa")
                .subject(subject.toString()).groups(Set.of(roles)).expiresIn(Duration.ofHours(2)).jws()
                .keyId(env.get("MOA_JWT_KEY_ID")).sign(key);
    }

    private static long number(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }

    private static PrivateKey readKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }
}
