package dev.moa.money.bank;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.devstack.DevStackResource;
import dev.moa.events.EventJson;
import dev.moa.events.MoaEvent;
import dev.moa.events.banking.FirmbankingFailed;
import dev.moa.events.banking.FirmbankingSucceeded;
import dev.moa.events.banking.RequestFirmbanking;
import dev.moa.money.MoneyApi;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plays banking over the real broker: reads money's RequestFirmbanking commands from {@code banking.commands} (one
 * consumer for the whole test run, from the beginning) and answers on {@code banking.events} as banking's outbox relay
 * writes them (binary CloudEvents keyed by the command id). Also the HTTP calls of the member's side.
 */
final class Banking {

    static final String SUCCEEDED = "dev.moa.banking.FirmbankingSucceeded";

    /** A record of banking.commands: its Kafka key, CloudEvents type and subject, and the command. */
    record Command(String key, String type, String subject, RequestFirmbanking request) {
    }

    /** A record of money.events: its CloudEvents type, Kafka key and data. */
    record MoneyEvent(String type, String key, JsonNode data) {
    }

    private static final List<Command> COMMANDS = new CopyOnWriteArrayList<>();
    private static final List<MoneyEvent> MONEY_EVENTS = new CopyOnWriteArrayList<>();
    private static Thread tap;

    private Banking() {
    }

    /** Waits for the command of saga {@code commandId} on banking.commands and returns it. */
    static Command command(UUID commandId) {
        startTap();
        await().atMost(Duration.ofSeconds(30)).until(() -> !commands(commandId).isEmpty());
        return commands(commandId).get(0);
    }

    static List<Command> commands(UUID commandId) {
        startTap();
        return COMMANDS.stream().filter(c -> commandId.equals(c.request().commandId())).toList();
    }

    /** The money.events records of {@code type} keyed by {@code key}, so far. */
    static List<MoneyEvent> moneyEvents(String type, Object key) {
        startTap();
        return MONEY_EVENTS.stream().filter(e -> type.equals(e.type()) && key.toString().equals(e.key())).toList();
    }

    /** Waits for the money.events record of {@code type} keyed by {@code key} and returns it. */
    static MoneyEvent moneyEvent(String type, Object key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !moneyEvents(type, key).isEmpty());
        return moneyEvents(type, key).get(0);
    }

    /** What banking says when the bank executed the transfer. */
    static FirmbankingSucceeded success(RequestFirmbanking request) {
        return new FirmbankingSucceeded(request.commandId(), request.memberId(), request.bankAccountId(),
                request.direction(), request.amount(), "BT-" + request.commandId().toString().substring(0, 8), false,
                Instant.now());
    }

    /** What banking says when the bank refused the transfer. */
    static FirmbankingFailed failure(RequestFirmbanking request, String reason) {
        return new FirmbankingFailed(request.commandId(), request.memberId(), request.bankAccountId(),
                request.direction(), request.amount(), reason, "The bank said no", false, Instant.now());
    }

    /** Publishes {@code answer} as banking's relay would, with CloudEvents id {@code eventId}. */
    static void answer(MoaEvent answer, String eventId) {
        MoneyApi.publish("banking.events", "/moa/banking", answer, eventId);
    }

    /** Publishes {@code answer} with a new CloudEvents id; returns the id. */
    static String answer(MoaEvent answer) {
        String eventId = UUID.randomUUID().toString();
        answer(answer, eventId);
        return eventId;
    }

    /** The records of money's dead-letter topic for banking.events whose key is {@code key}, read until one is found. */
    static List<ConsumerRecord<String, String>> deadLetters(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "banking-dlq-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("money.banking-events.dead-letter"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    /** Waits until money has handled banking event {@code eventId} (its inbox record committed). */
    static void awaitHandled(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> MoneyApi.count("select count(*) from moa_inbox "
                + "where consumer = 'money.banking-events' and event_id = ?", eventId) == 1);
    }

    static Response post(String path, UUID member, String key, Map<String, Object> body) {
        return given().auth().oauth2(MoneyApi.token(member)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post(path);
    }

    static Map<String, Object> body(UUID bankAccountId, long amount) {
        return Map.of("bankAccountId", bankAccountId, "amount", amount);
    }

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    /** Waits until {@code path} (a top-up or withdrawal of {@code member}) is in {@code status}. */
    static void awaitStatus(String path, UUID member, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(given().auth()
                .oauth2(MoneyApi.token(member)).get(path).then().statusCode(200).extract().path("status")));
    }

    /** RequestFirmbanking commands money wrote for {@code member} (the outbox is the only way out). */
    static long commandsWrittenFor(UUID member) {
        return MoneyApi.count("select count(*) from moa_outbox where topic = 'banking.commands' "
                + "and payload->>'memberId' = ?", member.toString());
    }

    static long available(UUID member) {
        return MoneyApi.count("select credits_posted - debits_posted - debits_pending from accounts where owner_id = ?",
                member);
    }

    static long bankClearing() {
        return MoneyApi.count("select credits_posted - debits_posted from accounts where code = 'BANK_CLEARING'");
    }

    /** The ledger balances, no wallet is overdrawn, and every account's pending debits are its pending holds. */
    static void assertLedgerBalances() {
        assertThat(MoneyApi.count("select coalesce(sum(credits_posted - debits_posted), 0) from accounts"))
                .as("sum of all balances").isZero();
        assertThat(MoneyApi.count("select count(*) from accounts where kind <> 'SYSTEM' "
                + "and debits_posted + debits_pending > credits_posted")).as("overdrawn wallets").isZero();
        assertThat(MoneyApi.count("select count(*) from accounts a where debits_pending <> (select "
                + "coalesce(sum(amount), 0) from holds h where h.debit_account_id = a.id and status = 'PENDING')"))
                .as("accounts whose pending debits are not their pending holds").isZero();
    }

    private static synchronized void startTap() {
        if (tap != null) {
            return;
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStackResource.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "banking-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        tap = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("banking.commands", "money.events"));
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(Banking::tapped);
                }
            }
        }, "banking-commands-tap");
        tap.setDaemon(true);
        tap.start();
    }

    private static void tapped(ConsumerRecord<String, String> record) {
        String type = MoneyApi.header(record, "ce_type");
        try {
            if ("banking.commands".equals(record.topic())) {
                COMMANDS.add(new Command(record.key(), type, MoneyApi.header(record, "ce_subject"),
                        EventJson.mapper().readValue(record.value(), RequestFirmbanking.class)));
            } else {
                MONEY_EVENTS.add(new MoneyEvent(type, record.key(), EventJson.mapper().readTree(record.value())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
