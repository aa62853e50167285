package dev.moa.devstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.common.Uuid;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker in KRaft mode, in this JVM (the test companion's {@link EmbeddedKafkaBroker}), or an
 * external broker. The log directory and cluster id are fixed for the broker's life, so {@link #restart()} keeps
 * every record, and with persistent settings they survive between runs.
 */
public final class KafkaServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaServer.class);

    private final String externalBootstrap;
    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final String clusterId;
    private final boolean deleteOnClose;
    private EmbeddedKafkaBroker broker;

    private KafkaServer(String externalBootstrap, int port, int controllerPort, Path logDir, String clusterId,
                        boolean deleteOnClose) {
        this.externalBootstrap = externalBootstrap;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.clusterId = clusterId;
        this.deleteOnClose = deleteOnClose;
    }

    static KafkaServer start(DevStackSettings settings) {
        if (settings.externalKafka().isPresent()) {
            LOG.infof("using external Kafka at %s", settings.externalKafka().get());
            return new KafkaServer(settings.externalKafka().get(), 0, 0, null, null, false);
        }
        try {
            Path logDir;
            String clusterId;
            if (settings.persistentData()) {
                logDir = Files.createDirectories(settings.dataDir().resolve("kafka"));
                clusterId = persistentClusterId(settings.dataDir().resolve("kafka-cluster-id"));
            } else {
                logDir = Files.createTempDirectory("moa-kafka-");
                clusterId = Uuid.randomUuid().toString();
            }
            KafkaServer server = new KafkaServer(null, FreePorts.resolve(settings.kafkaPort()),
                    FreePorts.resolve(settings.kafkaControllerPort()), logDir, clusterId, !settings.persistentData());
            server.startBroker();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka log directory", e);
        }
    }

    private static String persistentClusterId(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }

    private synchronized void startBroker() {
        FreePorts.requireFree(port, "Kafka");
        FreePorts.requireFree(controllerPort, "the Kafka controller");
        broker = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dir", logDir.toString());
                    props.put("auto.create.topics.enable", "true");
                    props.put("num.partitions", "3");
                    props.put("share.coordinator.state.topic.replication.factor", "1");
                    props.put("share.coordinator.state.topic.min.isr", "1");
                })
                .start();
        LOG.infof("Kafka started on 127.0.0.1:%d", port);
    }

    public boolean embedded() {
        return externalBootstrap == null;
    }

    public String bootstrapServers() {
        return embedded() ? "127.0.0.1:" + port : externalBootstrap;
    }

    /** Stops the embedded broker, keeping its data; for fault tests. */
    public synchronized void stop() {
        requireEmbedded();
        if (broker != null) {
            broker.close();
            broker = null;
            LOG.info("Kafka stopped");
        }
    }

    /** Starts the embedded broker again on the same port with the same data. */
    public synchronized void restart() {
        requireEmbedded();
        stop();
        startBroker();
    }

    public synchronized boolean running() {
        return !embedded() || (broker != null && broker.isRunning());
    }

    private void requireEmbedded() {
        if (!embedded()) {
            throw new IllegalStateException("an external Kafka broker is not ours to stop");
        }
    }

    @Override
    public synchronized void close() {
        if (!embedded()) {
            return;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (deleteOnClose) {
            deleteTree(logDir);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("could not delete %s: %s", root, e.getMessage());
        }
    }
}
