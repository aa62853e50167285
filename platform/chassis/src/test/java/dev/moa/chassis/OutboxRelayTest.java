package dev.moa.chassis;

import dev.moa.chassis.outbox.OutboxConfig;
import dev.moa.chassis.outbox.OutboxRelay;
import dev.moa.chassis.outbox.OutboxRelayLifecycle;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxRelayTest {

    private static final int ACCOUNTS = 8;

    @Inject
    OutboxRelayLifecycle relays;

    @Inject
    OutboxConfig config;

    @Inject
    Pool pool;

    @AfterEach
    void relayRunsAgain() {
        relays.relay().start("moa-outbox-relay");
        if (!ChassisStack.stack().kafka().running()) {
            ChassisStack.stack().kafka().restart();
        }
    }

    /** Changes accounts round-robin from several clients at once; returns each change's event id. */
    private static Set<String> burst(String topic, int changes, Runnable midway) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int n = 0; n < changes; n++) {
                int change = n;
                ids.add(clients.submit(() -> given()
                        .queryParam("topic", topic)
                        .queryParam("account", "acct-" + (change % ACCOUNTS))
                        .queryParam("n", change)
                        .when().post("/probe/changes")
                        .then().statusCode(200)
                        .extract().jsonPath().getString("eventId")));
                if (n == changes / 2) {
                    midway.run();
                }
            }
            Set<String> eventIds = new java.util.HashSet<>();
            for (Future<String> id : ids) {
                eventIds.add(id.get(60, TimeUnit.SECONDS));
            }
            return eventIds;
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, Set<String> eventIds) {
        return ChassisStack.readTopic(topic, Duration.ofSeconds(90), records -> records.stream()
                .map(r -> ChassisStack.header(r, "ce_id")).collect(Collectors.toSet()).containsAll(eventIds));
    }

    /**
     * Within each key, events arrive in the order their changes committed: the outbox sequence, which the probe's row
     * lock on the account makes the commit order per key. (Not the order the clients sent them: eight clients at once
     * may commit change 11 of a key before change 3.) Duplicates may repeat an earlier event.
     */
    private static void assertOrderedPerKey(List<ConsumerRecord<String, String>> records) {
        Map<String, Long> last = new HashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String id = ChassisStack.header(record, "ce_id");
            if (!seen.computeIfAbsent(record.key(), k -> new java.util.HashSet<>()).add(id)) {
                continue;
            }
            long seq = ChassisStack.queryLong("select seq from moa_outbox where event_id = ?::uuid", id);
            assertThat(seq).as("order of key %s", record.key()).isGreaterThan(last.getOrDefault(record.key(), 0L));
            last.put(record.key(), seq);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return dev.moa.events.EventJson.mapper().readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    @Test
    void everyRecordedEventArrivesAsACloudEventKeyedBySubject() throws Exception {
        String topic = "chassis.relay-" + UUID.randomUUID();

        Set<String> eventIds = burst(topic, 120, () -> { });

        List<ConsumerRecord<String, String>> records = readAll(topic, eventIds);
        assertThat(records).extracting(r -> ChassisStack.header(r, "ce_id")).containsAll(eventIds);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.key()).startsWith("acct-");
            assertThat(ChassisStack.header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(ChassisStack.header(record, "ce_type")).isEqualTo("dev.moa.chassis-test.ProbeHappened");
            assertThat(ChassisStack.header(record, "ce_source")).isEqualTo("/moa/chassis-test");
            assertThat(ChassisStack.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(json(record).get("account").asText()).isEqualTo(record.key());
        }
        assertOrderedPerKey(records);
    }

    @Test
    void aFailedTransactionLeavesNoEvent() {
        String topic = "chassis.rollback-" + UUID.randomUUID();
        given().queryParam("topic", topic).queryParam("account", "rolled-back")
                .when().post("/probe/changes/failing")
                .then().statusCode(409);

        assertThat(ChassisStack.queryLong("select count(*) from moa_outbox where topic = ?", topic)).isZero();
        assertThat(ChassisStack.queryLong("select count(*) from probe_account where name = 'rolled-back'")).isZero();
    }

    @Test
    void relayRestartInTheMiddleOfABurstLosesNothing() throws Exception {
        String topic = "chassis.relay-restart-" + UUID.randomUUID();

        Set<String> eventIds = burst(topic, 200, () -> {
            relays.relay().close();
            relays.relay().start("moa-outbox-relay");
        });

        assertThat(readAll(topic, eventIds)).extracting(r -> ChassisStack.header(r, "ce_id")).containsAll(eventIds);
    }

    @Test
    void brokerRestartInTheMiddleOfABurstLosesNothing() throws Exception {
        String topic = "chassis.broker-restart-" + UUID.randomUUID();

        Set<String> eventIds = burst(topic, 200, () -> ChassisStack.stack().kafka().stop());
        ChassisStack.stack().kafka().restart();

        List<ConsumerRecord<String, String>> records = readAll(topic, eventIds);
        assertThat(records).extracting(r -> ChassisStack.header(r, "ce_id")).containsAll(eventIds);
        assertOrderedPerKey(records);
    }

    @Test
    void twoRelaysAtOncePublishEachEventOnce() throws Exception {
        String topic = "chassis.two-relays-" + UUID.randomUUID();
        relays.relay().close();
        try (OutboxRelay relayA = relays.newRelay("relay-a");
             OutboxRelay relayB = relays.newRelay("relay-b")) {
            relayA.start("relay-a");
            relayB.start("relay-b");

            Set<String> eventIds = burst(topic, 300, () -> { });

            List<ConsumerRecord<String, String>> records = readAll(topic, eventIds);
            List<String> published = records.stream().map(r -> ChassisStack.header(r, "ce_id")).toList();
            assertThat(published).containsExactlyInAnyOrderElementsOf(eventIds);
            assertOrderedPerKey(records);
            // They took turns: together they published each row once.
            assertThat(relayA.publishedCount() + relayB.publishedCount()).isEqualTo(eventIds.size());
        }
    }

    /** While another relay holds the database's outbox turn, a relay publishes nothing; then it carries on. */
    @Test
    void aRelayWithoutTheTurnPublishesNothing() throws Exception {
        String topic = "chassis.turn-" + UUID.randomUUID();
        try (java.sql.Connection other = ChassisStack.stack().postgres().connect("moa_chassis")) {
            other.setAutoCommit(false);
            try (var take = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                take.setLong(1, OutboxRelay.TURN_KEY);
                take.executeQuery().close();
            }
            String first = change(topic, 1);
            // the woken relay looks again and again meanwhile
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pending(first));

            other.rollback(); // gives the turn back
            String second = change(topic, 2); // wakes the relay again, whose short looks may be over

            assertThat(readAll(topic, Set.of(first, second))).extracting(r -> ChassisStack.header(r, "ce_id"))
                    .containsExactly(first, second);
        }
    }

    private static String change(String topic, int n) {
        return given().queryParam("topic", topic).queryParam("account", "turn").queryParam("n", n)
                .when().post("/probe/changes")
                .then().statusCode(200)
                .extract().jsonPath().getString("eventId");
    }

    /** The tests run with an hour-long poll, so every event they see published was published on a writer's wake-up. */
    @Test
    void anAppendWakesTheRelay() {
        assertThat(config.pollInterval()).isGreaterThanOrEqualTo(Duration.ofHours(1));
        String topic = "chassis.woken-" + UUID.randomUUID();

        String eventId = given().queryParam("topic", topic).queryParam("account", "woken").queryParam("n", 1)
                .when().post("/probe/changes")
                .then().statusCode(200)
                .extract().jsonPath().getString("eventId");

        assertThat(readAll(topic, Set.of(eventId))).extracting(r -> ChassisStack.header(r, "ce_id")).contains(eventId);
    }

    /** A row that no writer of this instance announced (another instance wrote it) is found by the relay's poll. */
    @Test
    void aRowWrittenElsewhereIsFoundByThePoll() {
        String topic = "chassis.polled-" + UUID.randomUUID();
        // Closed first: a relay that a writer woke in the test before may still be looking, and would publish the row.
        relays.relay().close();
        String eventId = UUID.randomUUID().toString();
        ChassisStack.queryLong("with written as (insert into moa_outbox (event_id, topic, event_type, subject, payload) "
                + "values (?::uuid, ?, 'dev.moa.chassis-test.ProbeHappened', 'elsewhere', '{}') returning seq) "
                + "select count(*) from written", eventId, topic);
        try (OutboxRelay polling = new OutboxRelay(pool, () -> OutboxRelayLifecycle.createProducer(
                ChassisStack.stack().kafka().bootstrapServers(), "relay-polling", Duration.ofSeconds(30)),
                new ShortPoll(config), "/moa/chassis-test")) {
            polling.start("relay-polling");

            assertThat(readAll(topic, Set.of(eventId))).extracting(r -> ChassisStack.header(r, "ce_id"))
                    .contains(eventId);
        }
    }

    /**
     * A claim starts a window below what the relay last published; a row further down (its transaction stayed open
     * while many later rows were written) is published by the sweep. Seqs far above the identity's are written here.
     */
    @Test
    void aRowBelowTheClaimWindowIsPublishedByTheSweep() throws Exception {
        String topic = "chassis.swept-" + UUID.randomUUID();
        long high = 1_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        // Closed first: if this instance's relay, still looking after a wake-up in the test before, published the high
        // row, the sweeping relay would never publish anything itself and would keep claiming from the beginning.
        relays.relay().close();
        String highId = writeWithSeq(high, topic);
        try (OutboxRelay sweeping = new OutboxRelay(pool, () -> OutboxRelayLifecycle.createProducer(
                ChassisStack.stack().kafka().bootstrapServers(), "relay-sweeping", Duration.ofSeconds(30)),
                new ShortPoll(config), "/moa/chassis-test")) {
            sweeping.start("relay-sweeping");
            assertThat(readAll(topic, Set.of(highId))).isNotEmpty(); // its first claim sweeps

            String lowId = writeWithSeq(high - 2 * OutboxRelay.CLAIM_WINDOW, topic);
            // claims every 100 ms meanwhile, all above the window
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> pending(lowId));

            assertThat(readAll(topic, Set.of(highId, lowId))).extracting(r -> ChassisStack.header(r, "ce_id"))
                    .contains(lowId);
        }
    }

    private static boolean pending(String eventId) {
        return ChassisStack.queryLong("select count(*) from moa_outbox where event_id = ?::uuid "
                + "and published_at is null", eventId) == 1;
    }

    private static String writeWithSeq(long seq, String topic) {
        String eventId = UUID.randomUUID().toString();
        ChassisStack.queryLong("with written as (insert into moa_outbox (seq, event_id, topic, event_type, subject, "
                + "payload) overriding system value values (?, ?::uuid, ?, 'dev.moa.chassis-test.ProbeHappened', "
                + "'swept', '{}') returning seq) select count(*) from written", seq, eventId, topic);
        return eventId;
    }

    @Test
    void noTransactionNotifiesTheDatabase() {
        assertThat(ChassisStack.queryLong("select count(*) from pg_trigger where tgrelid = 'moa_outbox'::regclass "
                + "and not tgisinternal")).isZero();
    }

    /** The relay's settings with a poll of 100 ms. */
    private record ShortPoll(OutboxConfig settings) implements OutboxConfig {

        @Override
        public boolean relayEnabled() {
            return true;
        }

        @Override
        public int batchSize() {
            return settings.batchSize();
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofMillis(100);
        }

        @Override
        public Duration backoffInitial() {
            return settings.backoffInitial();
        }

        @Override
        public Duration backoffMax() {
            return settings.backoffMax();
        }

        @Override
        public Duration sendTimeout() {
            return settings.sendTimeout();
        }

        @Override
        public Duration retention() {
            return settings.retention();
        }
    }
}
