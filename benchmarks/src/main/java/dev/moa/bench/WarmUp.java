package dev.moa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long a benchmark loads the service before it measures: until the service's JIT compiler threads are quiet, so
 * that the measured cases see the code a long-running server runs. On two cores shared with the load, C2 keeps
 * compiling for minutes: in {@code bench/auction} after the fixed 45 s warm-up it still took 0.24 of a core (a quarter
 * of the service's), and in {@code bench/transfers} after 90 s 0.19, both measured from {@code /proc} in the first
 * seconds of the measured case.
 *
 * <p>The load runs in {@link #STEP} rounds; after each, the compiler threads' CPU time in it is read from
 * {@code /proc/<pid>/task} of the service ({@code BENCH_SERVICE_PID}, set by the bench scripts). The warm-up ends once
 * at least {@code BENCH_WARMUP} seconds have passed and a round's compiler time is under {@link #QUIET} of a core, or
 * at {@code BENCH_WARMUP_MAX} seconds (default 300) in any case. Without the service's pid or {@code /proc} (not
 * Linux), it is {@code BENCH_WARMUP} seconds, as before.
 */
final class WarmUp {

    /** One round of warm-up load. */
    static final Duration STEP = Duration.ofSeconds(15);
    /** Compiler threads under this share of a core over a round count as quiet. */
    static final double QUIET = 0.05;

    /** One round of load; {@code seconds} long. */
    @FunctionalInterface
    interface Round {
        void run(int seconds) throws Exception;
    }

    private final long pid;
    private final int minimumSeconds;
    private final int maximumSeconds;
    private final long ticksPerSecond;

    WarmUp(Map<String, String> env, int defaultMinimumSeconds) {
        this.pid = Long.parseLong(env.getOrDefault("BENCH_SERVICE_PID", "-1"));
        this.minimumSeconds = Integer.parseInt(env.getOrDefault("BENCH_WARMUP", String.valueOf(defaultMinimumSeconds)));
        this.maximumSeconds = Math.max(minimumSeconds,
                Integer.parseInt(env.getOrDefault("BENCH_WARMUP_MAX", "300")));
        this.ticksPerSecond = Long.parseLong(env.getOrDefault("BENCH_CLOCK_TICKS", "100"));
    }

    /** Runs rounds of load until the JIT is quiet (see the class comment); prints what it found. */
    void run(Round round) throws Exception {
        if (compilerTicks() < 0) {
            round.run(minimumSeconds);
            System.out.printf("warm-up: %d s (the service's JIT threads cannot be read)%n", minimumSeconds);
            return;
        }
        int elapsed = 0;
        double lastCores = Double.NaN;
        int lastStep = 0;
        while (elapsed < maximumSeconds) {
            int step = (int) Math.min(STEP.toSeconds(), maximumSeconds - elapsed);
            long before = compilerTicks();
            long started = System.nanoTime();
            round.run(step);
            double wall = (System.nanoTime() - started) / 1e9;
            lastCores = (compilerTicks() - before) / (double) ticksPerSecond / wall;
            elapsed += step;
            lastStep = step;
            if (elapsed >= minimumSeconds && lastCores < QUIET) {
                break;
            }
        }
        System.out.printf("warm-up: %d s; the service's JIT compiler threads used %.3f of a core in its last %d s%s%n",
                elapsed, lastCores, lastStep, lastCores < QUIET ? "" : " (BENCH_WARMUP_MAX reached first)");
    }

    /** CPU time of the service's JIT compiler threads so far, in clock ticks; -1 when it cannot be read. */
    private long compilerTicks() {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        if (pid <= 0 || !Files.isDirectory(tasks)) {
            return -1;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(WarmUp::ticksIfCompiler).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A thread's user + system ticks if it is a JIT compiler thread (C1 or C2), else 0. */
    private static long ticksIfCompiler(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || !stat.substring(open + 1, close).contains("CompilerThre")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
