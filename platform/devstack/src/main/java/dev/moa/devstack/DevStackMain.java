package dev.moa.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

        boolean freePorts = List.of(args).contains("--free-ports");
        DevStack stack;
        try {
            DevStackSettings settings = DevStackSettings.persistent(dataDir, System.getenv());
            if (freePorts) {
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
        Map<String, String> environment = new LinkedHashMap<>(stack.environment());
        MailSink mail = null;
        try {
            environment.put("MOA_UNSUBSCRIBE_KEY", localSecret(dataDir.resolve("keys/unsubscribe-key")));
            if (System.getenv(DevStackSettings.SMTP_HOST_ENV) == null) {
                mail = MailSink.start(FreePorts.resolve(freePorts ? 0 : DevStackSettings.LOCAL_SMTP_PORT),
                        dataDir.resolveSibling("mail"));
                environment.put(DevStackSettings.SMTP_HOST_ENV, "127.0.0.1");
                environment.put("MOA_SMTP_PORT", Integer.toString(mail.port()));
                environment.put("MOA_SMTP_START_TLS", "DISABLED");
            }
        } catch (RuntimeException | IOException e) {
            stack.close();
            System.err.println("devstack: " + rootMessage(e));
            System.exit(2);
            return;
        }
        MailSink mailSink = mail;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (mailSink != null) {
                mailSink.close();
            }
            stack.close();
            stopped.countDown();
        }, "moa-devstack-stop"));

        writeEnvFile(envFile, environment);
        System.out.printf("devstack ready: kafka %s, postgres %s:%d, redis %s, data in %s%n",
                stack.kafka().bootstrapServers(), stack.postgres().host(), stack.postgres().port(),
                stack.redis().url(), dataDir);
        stopped.await();
    }

    /** A random secret made once and kept, readable only by its owner, so that it survives restarts. */
    private static String localSecret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return secret;
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
