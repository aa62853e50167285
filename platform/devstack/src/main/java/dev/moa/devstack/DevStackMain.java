package dev.moa.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local stack of {@code ./moa up}: {@code java -jar moa-devstack.jar --data .moa/data --env-file .moa/stack.env}
 * (the fixed local ports), or with {@code --free-ports} on free ones.
 * Starts the servers with fixed ports and kept data, writes the {@code MOA_*} environment for the services to the
 * env file once everything is up, and runs until it gets SIGINT or SIGTERM, then stops every server it started.
 */
public final class DevStackMain {

    /** Held so the levels set here are not garbage-collected with their loggers. */
    private static final Logger[] QUIET = {Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
        Logger.getLogger("org.apache.zookeeper"), Logger.getLogger("io.zonky"), Logger.getLogger("state.change.logger")};

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(option(args, "--data", ".moa/data")).toAbsolutePath();
        Path envFile = Path.of(option(args, "--env-file", ".moa/stack.env")).toAbsolutePath();
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        Files.deleteIfExists(envFile);

        DevStack stack;
        try {
            DevStackSettings settings = DevStackSettings.persistent(dataDir, System.getenv());
            if (List.of(args).contains("--free-ports")) {
                // Beside a running ./moa up (benchmarks, experiments): every server on a free port.
                settings = new DevStackSettings(settings.dataDir(), 0, 0, 0, 0, settings.externalKafka(),
                        settings.externalPostgres(), settings.externalRedis());
            }
            stack = DevStack.start(settings);
        } catch (RuntimeException e) {
            System.err.println("devstack: " + rootMessage(e));
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "moa-devstack-stop"));

        writeEnvFile(envFile, stack.environment());
        System.out.printf("devstack ready: kafka %s, postgres %s:%d, redis %s, data in %s%n",
                stack.kafka().bootstrapServers(), stack.postgres().host(), stack.postgres().port(),
                stack.redis().url(), dataDir);
        stopped.await();
    }

    /** Written to a temporary file and moved into place, so a reader never sees half of it. */
    private static void writeEnvFile(Path envFile, Map<String, String> env) throws IOException {
        Files.createDirectories(envFile.getParent());
        StringBuilder text = new StringBuilder();
        env.forEach((name, value) -> text.append("export ").append(name).append("='").append(value).append("'\n"));
        Path partial = envFile.resolveSibling(envFile.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, envFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            message.append(": ").append(cause.getMessage());
        }
        return message.toString();
    }
}
