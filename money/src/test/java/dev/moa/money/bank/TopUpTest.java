package dev.moa.money.bank;

import dev.moa.events.MoaEvent;
import dev.moa.events.banking.BankAccountLinked;
import dev.moa.events.banking.BankAccountUnlinked;
import dev.moa.events.banking.FirmbankingDirection;
import dev.moa.events.banking.FirmbankingSucceeded;
import dev.moa.events.banking.RequestFirmbanking;
import dev.moa.money.MoneyApi;
import dev.moa.money.ledger.LedgerInvariant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.money.bank.Banking.body;
import static dev.moa.money.bank.Banking.key;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The top-up saga against the real broker and database, with the test playing banking: money asks on
 * {@code banking.commands}, the test answers on {@code banking.events}, and the wallet is credited once the bank
 * confirmed, exactly once.
 */
@QuarkusTest
class TopUpTest {

    private static final String COMPLETED = "dev.moa.money.TopUpCompleted";

    @Inject
    LedgerInvariant invariant;

    @Inject
    BankSagaMetrics metrics;

    @AfterEach
    void ledgerBalances() throws Throwable {
        assertThat(VertxContextSupport.subscribeAndAwait(invariant::imbalance)).as("the service's imbalance").isZero();
        Banking.assertLedgerBalances();
    }

    @Test
    void aTopUpIsAcceptedAndAsksBankingForTheMoney() {
        UUID member = MoneyApi.newMember();
        UUID bankAccount = UUID.randomUUID();

        Response response = Banking.post("/top-ups", member, key(), body(bankAccount, 50_000));

        response.then().statusCode(202).contentType(ContentType.JSON).body("status", equalTo("REQUESTED"))
                .body("amount", equalTo(50_000)).body("bankAccountId", equalTo(bankAccount.toString()))
                .body("transferId", nullValue());
        UUID id = UUID.fromString(response.path("id"));
        assertThat(response.header("Location")).endsWith("/top-ups/" + id);
        Banking.Command command = Banking.command(id);
        assertThat(command.key()).isEqualTo(id.toString());
        assertThat(command.subject()).isEqualTo(id.toString());
        assertThat(command.type()).isEqualTo("dev.moa.banking.command.RequestFirmbanking");
        assertThat(command.request()).extracting(RequestFirmbanking::commandId, RequestFirmbanking::memberId,
                        RequestFirmbanking::bankAccountId, RequestFirmbanking::direction, RequestFirmbanking::amount)
                .containsExactly(id, member, bankAccount, FirmbankingDirection.IN, 50_000L);
        given().auth().oauth2(MoneyApi.token(member)).get("/top-ups/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED"));
        assertThat(MoneyApi.balanceOf(member)).as("nothing credited before the bank confirms").isZero();
    }

    @Test
    void aConfirmedTopUpCreditsTheWalletExactlyOnceEvenWhenTheConfirmationComesAgain() {
        UUID member = MoneyApi.newMember();
        UUID id = requested(member, 70_000);
        long clearingBefore = Banking.bankClearing();
        double repeatsBefore = metrics.outcomes("top-up", SagaStep.Result.ALREADY_FINAL).count();
        FirmbankingSucceeded success = Banking.success(Banking.command(id).request());
        String eventId = UUID.randomUUID().toString();

        Banking.answer(success, eventId);
        Banking.answer(success, eventId);
        Banking.awaitHandled(Banking.answer(success));

        given().auth().oauth2(MoneyApi.token(member)).get("/top-ups/" + id).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("transferId", equalTo(TopUp.transferIdOf(id).toString()));
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(70_000);
        assertThat(Banking.bankClearing()).isEqualTo(clearingBefore - 70_000);
        assertThat(MoneyApi.count("select count(*) from transfers where credit_account_id = ? and kind = 'TOP_UP'",
                MoneyApi.walletOf(member))).as("TOP_UP transfers").isEqualTo(1);
        assertThat(MoneyApi.count("select count(*) from moa_outbox where event_type = ? and subject = ?", COMPLETED,
                id.toString())).as("TopUpCompleted events").isEqualTo(1);
        assertThat(metrics.outcomes("top-up", SagaStep.Result.ALREADY_FINAL).count() - repeatsBefore).isEqualTo(1);
        Banking.MoneyEvent completed = Banking.moneyEvent(COMPLETED, id);
        assertThat(completed.data().path("amount").asLong()).isEqualTo(70_000);
        assertThat(completed.data().path("memberId").asText()).isEqualTo(member.toString());
        assertThat(completed.data().path("transferId").asText()).isEqualTo(TopUp.transferIdOf(id).toString());
        Banking.moneyEvent("dev.moa.money.TransferPosted", TopUp.transferIdOf(id));
    }

    @Test
    void aDeclinedTopUpFailsAndCreditsNothing() {
        UUID member = MoneyApi.newMember();
        UUID id = requested(member, 40_000);

        Banking.awaitHandled(Banking.answer(Banking.failure(Banking.command(id).request(), "DECLINED")));

        given().auth().oauth2(MoneyApi.token(member)).get("/top-ups/" + id).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("reason", equalTo("DECLINED"))
                .body("transferId", nullValue());
        assertThat(MoneyApi.balanceOf(member)).isZero();
        assertThat(MoneyApi.count("select count(*) from transfers where id = ?", TopUp.transferIdOf(id))).isZero();
        Banking.MoneyEvent failed = Banking.moneyEvent("dev.moa.money.TopUpFailed", id);
        assertThat(failed.data().path("reason").asText()).isEqualTo("DECLINED");
        assertThat(failed.data().path("amount").asLong()).isEqualTo(40_000);
    }

    @Test
    void aCompletedTopUpIgnoresALaterFailure() {
        UUID member = MoneyApi.newMember();
        UUID id = requested(member, 10_000);
        RequestFirmbanking request = Banking.command(id).request();
        Banking.awaitHandled(Banking.answer(Banking.success(request)));
        double contradictionsBefore = metrics.outcomes("top-up", SagaStep.Result.CONTRADICTS_FINAL).count();

        Banking.awaitHandled(Banking.answer(Banking.failure(request, "DECLINED")));

        given().auth().oauth2(MoneyApi.token(member)).get("/top-ups/" + id).then().body("status", equalTo("COMPLETED"));
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(10_000);
        assertThat(MoneyApi.count("select count(*) from moa_outbox where event_type = 'dev.moa.money.TopUpFailed' "
                + "and subject = ?", id.toString())).isZero();
        assertThat(metrics.outcomes("top-up", SagaStep.Result.CONTRADICTS_FINAL).count() - contradictionsBefore)
                .isEqualTo(1);
    }

    @Test
    void anAnswerThatDoesNotMatchItsTopUpOrNamesNoneChangesNothing() {
        UUID member = MoneyApi.newMember();
        UUID id = requested(member, 30_000);
        RequestFirmbanking request = Banking.command(id).request();
        double mismatchesBefore = metrics.outcomes("top-up", SagaStep.Result.MISMATCH).count();
        double unknownBefore = metrics.outcomes("unknown", SagaStep.Result.UNKNOWN_COMMAND).count();

        UUID account = request.bankAccountId();
        for (FirmbankingSucceeded wrong : List.of(
                succeeded(id, request.memberId(), account, FirmbankingDirection.IN, 30_001),
                succeeded(id, UUID.randomUUID(), account, FirmbankingDirection.IN, 30_000),
                succeeded(id, request.memberId(), UUID.randomUUID(), FirmbankingDirection.IN, 30_000),
                succeeded(id, request.memberId(), account, FirmbankingDirection.OUT, 30_000),
                succeeded(UUID.randomUUID(), request.memberId(), account, FirmbankingDirection.IN, 30_000))) {
            Banking.awaitHandled(Banking.answer(wrong));
        }

        given().auth().oauth2(MoneyApi.token(member)).get("/top-ups/" + id).then().body("status", equalTo("REQUESTED"));
        assertThat(MoneyApi.balanceOf(member)).isZero();
        assertThat(metrics.outcomes("top-up", SagaStep.Result.MISMATCH).count() - mismatchesBefore).isEqualTo(4);
        assertThat(metrics.outcomes("unknown", SagaStep.Result.UNKNOWN_COMMAND).count() - unknownBefore).isEqualTo(1);

        Banking.awaitHandled(Banking.answer(Banking.success(request)));
        assertThat(MoneyApi.balanceOf(member)).as("the right answer still settles it").isEqualTo(30_000);
    }

    @Test
    void otherBankingEventsAreSkipped() {
        UUID member = MoneyApi.newMember();
        UUID bankAccount = UUID.randomUUID();
        Banking.answer(new BankAccountLinked(bankAccount, member, "004", "1234", Instant.now()));
        Banking.answer(new BankAccountUnlinked(bankAccount, member, Instant.now()));
        UUID id = requested(member, 5_000);

        Banking.awaitHandled(Banking.answer(Banking.success(Banking.command(id).request())));

        assertThat(MoneyApi.balanceOf(member)).isEqualTo(5_000);
    }

    @Test
    void anUnreadableAnswerGoesToTheDeadLetterTopicAndTheNextIsStillApplied() {
        UUID member = MoneyApi.newMember();
        UUID id = requested(member, 2_000);
        String key = "unreadable-" + UUID.randomUUID();

        Banking.answer(new Unreadable(key));
        Banking.awaitHandled(Banking.answer(Banking.success(Banking.command(id).request())));

        assertThat(Banking.deadLetters(key)).hasSize(1);
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(2_000);
    }

    /** A record that claims to be a FirmbankingSucceeded but names no command. */
    record Unreadable(String subject) implements MoaEvent {

        @Override
        public String eventType() {
            return Banking.SUCCEEDED;
        }
    }

    @Test
    void retryingWithTheSameKeyAnswersTheSameTopUpAndAsksTheBankOnce() {
        UUID member = MoneyApi.newMember();
        UUID bankAccount = UUID.randomUUID();
        String key = key();

        Response first = Banking.post("/top-ups", member, key, body(bankAccount, 20_000));
        Response again = Banking.post("/top-ups", member, key, body(bankAccount, 20_000));

        first.then().statusCode(202);
        again.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        Banking.post("/top-ups", member, key, body(bankAccount, 21_000)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/idempotency-key-reused"));
        UUID id = UUID.fromString(first.path("id"));
        Banking.command(id);
        assertThat(Banking.commandsWrittenFor(member)).isEqualTo(1);
        assertThat(MoneyApi.count("select count(*) from top_ups where member_id = ?", member)).isEqualTo(1);
    }

    @Test
    void aMemberCannotSeeAnotherMembersTopUp() {
        UUID alice = MoneyApi.newMember();
        UUID bob = MoneyApi.newMember();
        UUID id = requested(alice, 1_000);

        given().auth().oauth2(MoneyApi.token(bob)).get("/top-ups/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(MoneyApi.token(bob)).get("/top-ups").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(MoneyApi.token(alice)).get("/top-ups/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/top-ups/" + id).then().statusCode(401);
    }

    @Test
    void myTopUpsAreListedNewestFirstAPageAtATime() {
        UUID member = MoneyApi.newMember();
        UUID oldest = requested(member, 1_000);
        UUID middle = requested(member, 2_000);
        UUID newest = requested(member, 3_000);

        Response page = given().auth().oauth2(MoneyApi.token(member)).queryParam("limit", 2).get("/top-ups");
        page.then().statusCode(200).body("items.id", equalTo(List.of(newest.toString(), middle.toString())));
        given().auth().oauth2(MoneyApi.token(member)).queryParam("limit", 2)
                .queryParam("cursor", page.<String>path("next")).get("/top-ups").then().statusCode(200)
                .body("items.id", equalTo(List.of(oldest.toString()))).body("next", nullValue());
        given().auth().oauth2(MoneyApi.token(member)).queryParam("cursor", "nonsense").get("/top-ups").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(MoneyApi.token(member)).queryParam("limit", 101).get("/top-ups").then().statusCode(400);
    }

    @Test
    void onlyAFewTopUpsMayWaitForTheBankAtOnce() {
        UUID member = MoneyApi.newMember();
        for (int i = 0; i < 5; i++) {
            requested(member, 1_000);
        }

        Banking.post("/top-ups", member, key(), body(UUID.randomUUID(), 1_000)).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", "30");

        assertThat(Banking.commandsWrittenFor(member)).isEqualTo(5);
    }

    @Test
    void aMemberWithoutAWalletCannotTopUp() {
        UUID stranger = UUID.randomUUID();

        Banking.post("/top-ups", stranger, key(), body(UUID.randomUUID(), 1_000)).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/wallet-not-open"));

        assertThat(Banking.commandsWrittenFor(stranger)).isZero();
    }

    @Test
    void badTopUpsAreRefusedAndChangeNothing() {
        UUID member = MoneyApi.newMember();
        UUID bankAccount = UUID.randomUUID();
        List<Map<String, Object>> bodies = List.of(
                body(bankAccount, 0),
                body(bankAccount, -5),
                body(bankAccount, 10_000_001),
                body(bankAccount, Long.MAX_VALUE),
                Map.of("amount", 1_000),
                Map.of("bankAccountId", bankAccount),
                Map.of("bankAccountId", "not-a-uuid", "amount", 1_000),
                Map.of("bankAccountId", bankAccount, "amount", "1000"),
                Map.of("bankAccountId", bankAccount, "amount", 10.5),
                withNull("amount", bankAccount));
        for (Map<String, Object> body : bodies) {
            int status = Banking.post("/top-ups", member, key(), body).then()
                    .contentType("application/problem+json").extract().statusCode();
            assertThat(status).as("top-up %s", body).isIn(400, 422);
        }
        given().auth().oauth2(MoneyApi.token(member)).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body("{\"bankAccountId\": ").post("/top-ups").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(MoneyApi.token(member)).contentType(ContentType.JSON).body(body(bankAccount, 1_000))
                .post("/top-ups").then().statusCode(400).contentType("application/problem+json");
        given().header("Idempotency-Key", key()).contentType(ContentType.JSON).body(body(bankAccount, 1_000))
                .post("/top-ups").then().statusCode(401);

        assertThat(MoneyApi.count("select count(*) from top_ups where member_id = ?", member)).isZero();
        assertThat(Banking.commandsWrittenFor(member)).isZero();
        assertThat(MoneyApi.balanceOf(member)).isZero();
    }

    private static UUID requested(UUID member, long amount) {
        Response response = Banking.post("/top-ups", member, key(), body(UUID.randomUUID(), amount));
        response.then().statusCode(202);
        return UUID.fromString(response.path("id"));
    }

    private static FirmbankingSucceeded succeeded(UUID commandId, UUID memberId, UUID bankAccountId,
                                                  FirmbankingDirection direction, long amount) {
        return new FirmbankingSucceeded(commandId, memberId, bankAccountId, direction, amount, "BT-wrong", false,
                Instant.now());
    }

    private static Map<String, Object> withNull(String field, UUID bankAccount) {
        Map<String, Object> body = new HashMap<>();
        body.put("bankAccountId", bankAccount);
        body.put(field, null);
        return body;
    }
}
