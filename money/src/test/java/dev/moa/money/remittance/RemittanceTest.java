package dev.moa.money.remittance;

import dev.moa.money.MoneyApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RemittanceTest {

    private UUID alice;
    private UUID bob;

    @BeforeEach
    void members() {
        alice = MoneyApi.newMember();
        bob = MoneyApi.newMember();
        MoneyApi.fund(alice, 100_000);
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static Map<String, Object> to(String field, Object recipient, long amount) {
        Map<String, Object> body = new HashMap<>();
        body.put(field, recipient);
        body.put("amount", amount);
        body.put("memo", "dinner");
        return body;
    }

    @Test
    void remittanceByIdMovesMoneyAndBothSidesSeeIt() {
        MoneyApi.remit(alice, key(), to("toMemberId", bob, 30_000)).then().statusCode(201)
                .body("amount", equalTo(30_000)).body("toKind", equalTo("MEMBER"));

        given().auth().oauth2(MoneyApi.token(alice)).get("/wallets/me").then()
                .body("posted", equalTo(70_000)).body("available", equalTo(70_000));
        given().auth().oauth2(MoneyApi.token(bob)).get("/wallets/me").then().body("posted", equalTo(30_000));
        given().auth().oauth2(MoneyApi.token(alice)).get("/wallets/me/transactions").then().statusCode(200)
                .body("entries[0].direction", equalTo("OUT"))
                .body("entries[0].kind", equalTo("REMITTANCE"))
                .body("entries[0].counterpartyId", equalTo(bob.toString()));
        given().auth().oauth2(MoneyApi.token(bob)).queryParam("kind", "REMITTANCE").get("/wallets/me/transactions")
                .then().body("entries", hasSize(1)).body("entries[0].direction", equalTo("IN"));
    }

    @Test
    void remittanceByEmailFindsTheMember() {
        MoneyApi.remit(alice, key(), to("toEmail", MoneyApi.emailOf(bob).toUpperCase(), 1_000)).then().statusCode(201);
        assertThat(MoneyApi.balanceOf(bob)).isEqualTo(1_000);
    }

    @Test
    void retryWithTheSameKeyPostsOnce() {
        String key = key();
        Response first = MoneyApi.remit(alice, key, to("toMemberId", bob, 5_000));
        Response again = MoneyApi.remit(alice, key, to("toMemberId", bob, 5_000));
        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.<String>path("transferId")).isEqualTo(first.path("transferId"));
        assertThat(MoneyApi.balanceOf(bob)).isEqualTo(5_000);

        MoneyApi.remit(alice, key, to("toMemberId", bob, 6_000)).then().statusCode(422);
        assertThat(MoneyApi.balanceOf(bob)).isEqualTo(5_000);
    }

    /** Requests with one key at once, half of them for another amount: one transfer; every other answer says why. */
    @Test
    void concurrentRequestsWithOneKeyPostOnce() throws Exception {
        String key = key();
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                long amount = i % 2 == 0 ? 5_000 : 7_000;
                answers.add(pool.submit(() -> {
                    start.await();
                    return MoneyApi.remit(alice, key, to("toMemberId", bob, amount));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            Set<String> transfers = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(30, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 201) {
                    transfers.add(response.path("transferId"));
                }
            }
            assertThat(statuses).as("answers").allMatch(status -> status == 201 || status == 409 || status == 422);
            assertThat(transfers).hasSize(1);
            long moved = MoneyApi.balanceOf(bob);
            assertThat(moved).isIn(5_000L, 7_000L);
            assertThat(MoneyApi.balanceOf(alice)).isEqualTo(100_000 - moved);
            assertThat(MoneyApi.count("select count(*) from transfers t join accounts a on a.id = t.credit_account_id "
                    + "where a.owner_id = ?", bob)).isEqualTo(1L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void insufficientFundsChangesNothing() {
        MoneyApi.remit(alice, key(), to("toMemberId", bob, 100_001)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/insufficient-funds"));
        assertThat(MoneyApi.balanceOf(alice)).isEqualTo(100_000);
        assertThat(MoneyApi.balanceOf(bob)).isZero();
    }

    /** A refusal keeps nothing of the key: the corrected request with the same key goes through. */
    @Test
    void aRefusedRemittanceLeavesItsKeyFree() {
        String key = key();
        MoneyApi.remit(alice, key, to("toMemberId", bob, 100_001)).then().statusCode(422);
        MoneyApi.remit(alice, key, to("toMemberId", bob, 100_000)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertThat(MoneyApi.balanceOf(bob)).isEqualTo(100_000);
    }

    /**
     * A retry that outlives its key's record (records expire) posts nothing twice: the transfer id follows from the key,
     * so the same remittance is answered from the transfer, and another one with that key is refused.
     */
    @Test
    void aRetryAfterItsKeyRecordExpiredPostsOnce() {
        String key = key();
        String first = MoneyApi.remit(alice, key, to("toMemberId", bob, 1_000)).then().statusCode(201)
                .extract().path("transferId");
        MoneyApi.execute("delete from moa_idempotency where idem_key = ?", key);

        MoneyApi.remit(alice, key, to("toMemberId", bob, 1_000)).then().statusCode(201)
                .body("transferId", equalTo(first)).body("amount", equalTo(1_000));
        MoneyApi.execute("delete from moa_idempotency where idem_key = ?", key);
        MoneyApi.remit(alice, key, to("toMemberId", bob, 2_000)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/transfer-id-reused"));

        assertThat(MoneyApi.balanceOf(bob)).isEqualTo(1_000);
        assertThat(MoneyApi.balanceOf(alice)).isEqualTo(99_000);
        assertThat(MoneyApi.count("select count(*) from moa_outbox where subject = ?", first)).isOne();
    }

    /**
     * A credit that would take the recipient's balance past {@code Long.MAX_VALUE} is refused and leaves nothing: no
     * transfer, no event, no key record. No API credits a wallet with 2^63 won, so the test sets the ledger there
     * itself, balanced by a system account of its own, and puts it back after.
     */
    @Test
    void aCreditThatWouldOverflowChangesNothing() {
        long nearTheTop = Long.MAX_VALUE - 10;
        UUID counterpart = UUID.randomUUID();
        UUID wallet = MoneyApi.walletOf(bob);
        // One statement each way, so that the ledger sums to zero at every moment other tests may look.
        MoneyApi.execute("with counterpart as (insert into accounts (id, kind, code, currency, no_overdraft, created_at, "
                + "debits_posted) values (?, 'SYSTEM', ?, 'KRW', false, now(), ?) returning debits_posted) "
                + "update accounts set credits_posted = credits_posted + (select debits_posted from counterpart) "
                + "where id = ?", counterpart, "TEST_" + counterpart, nearTheTop, wallet);
        try {
            String key = key();
            MoneyApi.remit(alice, key, to("toMemberId", bob, 11)).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://moa.dev/problems/amount-overflow"));
            assertThat(MoneyApi.balanceOf(alice)).isEqualTo(100_000);
            assertThat(MoneyApi.balanceOf(bob)).isEqualTo(nearTheTop);
            assertThat(MoneyApi.count("select count(*) from transfers where credit_account_id = ?", wallet)).isZero();
            assertThat(MoneyApi.count("select count(*) from moa_outbox where payload->>'creditAccountId' = ?",
                    wallet.toString())).isZero();

            MoneyApi.remit(alice, key, to("toMemberId", bob, 10)).then().statusCode(201);
            assertThat(MoneyApi.balanceOf(bob)).isEqualTo(Long.MAX_VALUE);
        } finally {
            MoneyApi.execute("update accounts set credits_posted = credits_posted - case when id = ? then ? else 0 end, "
                    + "debits_posted = case when id = ? then 0 else debits_posted end where id in (?, ?)",
                    wallet, nearTheTop, counterpart, wallet, counterpart);
        }
    }

    /**
     * A remittance that the balances allow when it starts but refuse under the wallets' locks (another posting of the
     * sender commits while it waits for them) is refused, and nothing it wrote before the locks remains.
     */
    @Test
    void aRemittanceRefusedOnlyUnderTheLocksLeavesNothing() throws Exception {
        UUID carol = MoneyApi.newMember();
        String key = key();
        try (Connection competing = MoneyApi.connect()) {
            competing.setAutoCommit(false);
            try (PreparedStatement post = competing.prepareStatement(
                    "select moa_post_transfer(?, ?, ?, 100000, 'REMITTANCE', null, 'first', ?)")) {
                post.setObject(1, UUID.randomUUID());
                post.setObject(2, MoneyApi.walletOf(alice));
                post.setObject(3, MoneyApi.walletOf(carol));
                post.setObject(4, alice);
                try (ResultSet outcome = post.executeQuery()) {
                    assertThat(outcome.next()).isTrue();
                    assertThat(outcome.getString(1)).isEqualTo("POSTED");
                }
            }
            CompletableFuture<Response> remittance = CompletableFuture.supplyAsync(
                    () -> MoneyApi.remit(alice, key, to("toMemberId", bob, 60_000)));
            await().atMost(Duration.ofSeconds(20)).until(() -> MoneyApi.count("select count(*) from pg_stat_activity "
                    + "where wait_event_type = 'Lock' and query like '%moa_remit%'") == 1);
            competing.commit();

            remittance.get(30, TimeUnit.SECONDS).then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://moa.dev/problems/insufficient-funds"));
        }
        UUID wallet = MoneyApi.walletOf(bob);
        assertThat(MoneyApi.balanceOf(alice)).isZero();
        assertThat(MoneyApi.balanceOf(bob)).isZero();
        assertThat(MoneyApi.balanceOf(carol)).isEqualTo(100_000);
        assertThat(MoneyApi.count("select count(*) from transfers where credit_account_id = ?", wallet)).isZero();
        assertThat(MoneyApi.count("select count(*) from moa_outbox where payload->>'creditAccountId' = ?",
                wallet.toString())).isZero();
        assertThat(MoneyApi.count("select count(*) from moa_idempotency where idem_key = ?", key)).isZero();
    }

    @Test
    void badRemittancesAreRefusedAndChangeNothing() {
        List<Map<String, Object>> bodies = List.of(
                to("toMemberId", bob, 0),
                to("toMemberId", bob, -5),
                to("toMemberId", bob, Long.MAX_VALUE),
                to("toMemberId", alice, 10),
                to("toMemberId", UUID.randomUUID(), 10),
                to("toEmail", "nobody@nowhere.example", 10),
                to("toGroupId", UUID.randomUUID(), 10),
                to("toMemberId", "not-a-uuid", 10),
                Map.of("amount", 10),
                Map.of("toMemberId", bob, "toEmail", MoneyApi.emailOf(bob), "amount", 10),
                Map.of("toMemberId", bob, "amount", "10"),
                Map.of("toMemberId", bob, "amount", 10.5),
                Map.of("toMemberId", bob, "amount", 10, "memo", "x".repeat(141)),
                Map.of("toMemberId", bob, "amount", 10, "memo", "bad\u0000memo"));
        for (Map<String, Object> body : bodies) {
            int status = MoneyApi.remit(alice, key(), body).then().contentType("application/problem+json")
                    .extract().statusCode();
            assertThat(status).as("remittance %s", body).isBetween(400, 499);
        }
        given().auth().oauth2(MoneyApi.token(alice)).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body("{\"toMemberId\": ").when().post("/remittances").then().statusCode(400);
        given().auth().oauth2(MoneyApi.token(alice)).contentType(ContentType.JSON)
                .body(to("toMemberId", bob, 10)).when().post("/remittances").then().statusCode(400);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body(to("toMemberId", bob, 10)).when().post("/remittances").then().statusCode(401);

        assertThat(MoneyApi.balanceOf(alice)).isEqualTo(100_000);
        assertThat(MoneyApi.balanceOf(bob)).isZero();
    }

    @Test
    void refusalsNameWhatIsWrong() {
        given().auth().oauth2(MoneyApi.token(alice)).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body(Map.of("toMemberId", bob, "amount", 0, "memo", "x".repeat(141))).when().post("/remittances")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/validation"))
                .body("errors.field", org.hamcrest.Matchers.contains("amount", "memo"));
        given().auth().oauth2(MoneyApi.token(alice)).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .when().post("/remittances").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/validation"));
        given().auth().oauth2(MoneyApi.token(alice)).header("Idempotency-Key", key()).contentType(ContentType.TEXT)
                .body("toMemberId=" + bob + "&amount=10").when().post("/remittances")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/unsupported-media-type"));
        given().auth().oauth2(MoneyApi.token(alice)).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body("{\"toMemberId\": \"" + bob + "\", \"amount\": 10, \"memo\": \"" + "x".repeat(5_000) + "\"}")
                .when().post("/remittances").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/body-too-large"));
        String token = MoneyApi.token(alice);
        given().auth().oauth2(token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl")
                .header("Idempotency-Key", key()).contentType(ContentType.JSON).body(to("toMemberId", bob, 10))
                .when().post("/remittances").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://moa.dev/problems/unauthenticated"));
        given().auth().oauth2(MoneyApi.adminToken()).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body(to("toMemberId", bob, 10)).when().post("/remittances").then().statusCode(403)
                .body("type", equalTo("https://moa.dev/problems/forbidden"));

        assertThat(MoneyApi.balanceOf(alice)).isEqualTo(100_000);
        assertThat(MoneyApi.balanceOf(bob)).isZero();
    }

    @Test
    void historyPagesWithACursorNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            MoneyApi.remit(alice, key(), to("toMemberId", bob, i)).then().statusCode(201);
        }
        Response first = given().auth().oauth2(MoneyApi.token(bob)).queryParam("limit", 2)
                .get("/wallets/me/transactions");
        first.then().statusCode(200).body("entries.amount", equalTo(List.of(5, 4)));
        given().auth().oauth2(MoneyApi.token(bob)).queryParam("limit", 2).queryParam("cursor", first.<String>path("next"))
                .get("/wallets/me/transactions").then().body("entries.amount", equalTo(List.of(3, 2)));
        given().auth().oauth2(MoneyApi.token(bob)).queryParam("cursor", "garbage!")
                .get("/wallets/me/transactions").then().statusCode(400);
        given().auth().oauth2(MoneyApi.token(bob)).queryParam("limit", 1000)
                .get("/wallets/me/transactions").then().statusCode(400);
        given().auth().oauth2(MoneyApi.token(bob)).queryParam("from", "yesterday")
                .get("/wallets/me/transactions").then().statusCode(400);
    }
}
