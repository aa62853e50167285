package dev.moa.devstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DevStackTest {

    private static DevStack stack;

    @BeforeAll
    static void startStack() {
        stack = DevStack.start(DevStackSettings.ephemeral(Map.of()));
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void kafkaRecordIsProducedAndConsumedWithItsKey() throws Exception {
        String topic = "devstack-" + UUID.randomUUID();
        try (var producer = producer(stack.kafka().bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "lot-1", "hello")).get();
        }
        List<ConsumerRecord<String, String>> received = consume(stack.kafka().bootstrapServers(), topic, 1);
        assertThat(received).extracting(ConsumerRecord::key, ConsumerRecord::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lot-1", "hello"));
    }

    @Test
    void everyServiceDatabaseExistsAndAnswersSql() throws Exception {
        for (String database : ServiceDatabases.ALL) {
            try (Connection connection = stack.postgres().connect(database);
                 ResultSet result = connection.createStatement().executeQuery("select current_database(), 6 * 7")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(database);
                assertThat(result.getInt(2)).isEqualTo(42);
            }
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        assertThat(redisCommand(stack.redis().url(), "PING")).isEqualTo("+PONG");
    }

    @Test
    void tokenKeysAreWrittenAsPemOutsideTheRepository() throws Exception {
        assertThat(java.nio.file.Files.readString(stack.tokenKeys().publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY");
        assertThat(stack.tokenKeys().privateKeyFile().toAbsolutePath().toString())
                .doesNotStartWith(java.nio.file.Path.of("").toAbsolutePath().toString());
        String token = stack.tokenKeys().mint("7d9c1f0e-0000-4000-8000-000000000001", "MEMBER", "SELLER");
        assertThat(token.split("\\.")).hasSize(3);
    }

    @Test
    void externalAddressesDisableTheEmbeddedServers() throws Exception {
        Map<String, String> env = Map.of(
                DevStackSettings.KAFKA_ENV, stack.kafka().bootstrapServers(),
                DevStackSettings.DB_HOST_ENV, stack.postgres().host(),
                DevStackSettings.DB_PORT_ENV, Integer.toString(stack.postgres().port()),
                DevStackSettings.DB_USER_ENV, stack.postgres().user(),
                DevStackSettings.DB_PASSWORD_ENV, stack.postgres().password(),
                DevStackSettings.REDIS_ENV, stack.redis().url());
        try (DevStack second = DevStack.start(DevStackSettings.ephemeral(env))) {
            assertThat(second.kafka().embedded()).isFalse();
            assertThat(second.postgres().embedded()).isFalse();
            assertThat(second.redis().embedded()).isFalse();
            assertThat(second.kafka().bootstrapServers()).isEqualTo(stack.kafka().bootstrapServers());
            assertThat(second.quarkusConfig("moa_money"))
                    .containsEntry("quarkus.datasource.reactive.url", stack.postgres().reactiveUrl("moa_money"))
                    .containsEntry("quarkus.redis.hosts", stack.redis().url());
            try (Connection connection = second.postgres().connect("moa_money")) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
        // Closing the second stack must not have stopped the servers it only borrowed.
        assertThat(redisCommand(stack.redis().url(), "PING")).isEqualTo("+PONG");
        assertThat(stack.kafka().running()).isTrue();
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    static List<ConsumerRecord<String, String>> consume(String bootstrap, String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.size() < count && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        return received;
    }

    static String redisCommand(String url, String command) throws Exception {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
