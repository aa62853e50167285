package dev.moa.money.ledger;

import dev.moa.money.MoneyApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank test as Jepsen runs it: concurrent clients move money at random among a few wallets through the HTTP API
 * while readers read every balance at once; every read sums to the total, no wallet is ever negative, and every
 * transfer that got a 201 is in the ledger once and on {@code money.events} once.
 */
@QuarkusTest
class BankInvariantTest {

    private static final int WALLETS = 6;
    private static final long START = 50_000;
    private static final int CLIENTS = 12;
    private static final int TRANSFERS_PER_CLIENT = 25;

    @Inject
    LedgerInvariant invariant;

    @Test
    void randomConcurrentRemittancesConserveMoney() throws Throwable {
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < WALLETS; i++) {
            UUID member = MoneyApi.newMember();
            MoneyApi.fund(member, START);
            members.add(member);
        }
        long total = WALLETS * START;
        String owners = members.stream().map(m -> "'" + m + "'").collect(Collectors.joining(","));
        String snapshot = "select sum(credits_posted - debits_posted), min(credits_posted - debits_posted - debits_pending)"
                + " from accounts where owner_id in (" + owners + ")";

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<String> badReads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    try (Connection connection = MoneyApi.connect();
                         PreparedStatement read = connection.prepareStatement(snapshot)) {
                        while (running.get()) {
                            try (ResultSet result = read.executeQuery()) {
                                result.next();
                                if (result.getLong(1) != total || result.getLong(2) < 0) {
                                    badReads.add("sum " + result.getLong(1) + ", min " + result.getLong(2));
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int t = 0; t < TRANSFERS_PER_CLIENT; t++) {
                        UUID from = members.get(random.nextInt(WALLETS));
                        UUID to = members.get(random.nextInt(WALLETS));
                        long amount = 1 + random.nextLong(20_000);
                        Response answer = MoneyApi.remit(from, "jepsen-" + UUID.randomUUID(),
                                Map.of("toMemberId", to, "amount", amount));
                        int status = answer.statusCode();
                        if (status == 201) {
                            accepted.add(answer.path("transferId"));
                        } else {
                            assertThat(status).as("answer %s", answer.asString()).isEqualTo(422);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(5, TimeUnit.MINUTES);
            }
            running.set(false);
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
        }

        assertThat(badReads).as("reads that did not sum to %d or saw a negative wallet", total).isEmpty();
        assertThat(accepted).isNotEmpty();
        assertThat(MoneyApi.count("select coalesce(sum(credits_posted - debits_posted), 0) from accounts "
                + "where owner_id in (" + owners + ")")).isEqualTo(total);
        for (String transferId : accepted) {
            assertThat(MoneyApi.count("select count(*) from transfers where id = ?::uuid", transferId))
                    .as("transfer %s in the ledger", transferId).isEqualTo(1);
        }
        List<ConsumerRecord<String, String>> events = MoneyApi.moneyEvents(Duration.ofSeconds(60),
                records -> records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(accepted));
        Map<String, Long> published = events.stream().filter(r -> accepted.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(published.values()).containsOnly(1L);
        assertThat(io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(invariant::imbalance)).isZero();
    }
}
