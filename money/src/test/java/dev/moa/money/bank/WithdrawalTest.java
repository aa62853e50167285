package dev.moa.money.bank;

import dev.moa.events.banking.FirmbankingDirection;
import dev.moa.events.banking.FirmbankingSucceeded;
import dev.moa.events.banking.RequestFirmbanking;
import dev.moa.money.MoneyApi;
import dev.moa.money.hold.HoldService;
import dev.moa.money.ledger.LedgerInvariant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.money.bank.Banking.body;
import static dev.moa.money.bank.Banking.key;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The withdrawal saga against the real broker and database, with the test playing banking: the amount is held at once,
 * captured to bank clearing when the bank paid out, released when it did not.
 */
@QuarkusTest
class WithdrawalTest {

    @Inject
    LedgerInvariant invariant;

    @Inject
    BankSagaMetrics metrics;

    @Inject
    HoldService holds;

    @AfterEach
    void ledgerBalances() throws Throwable {
        assertThat(VertxContextSupport.subscribeAndAwait(invariant::imbalance)).as("the service's imbalance").isZero();
        assertThat(VertxContextSupport.subscribeAndAwait(invariant::pendingMismatches)).isZero();
        Banking.assertLedgerBalances();
    }

    @Test
    void aWithdrawalHoldsTheAmountAtOnceAndAsksBankingToPayItOut() {
        UUID member = fundedMember(100_000);
        UUID bankAccount = UUID.randomUUID();

        Response response = Banking.post("/withdrawals", member, key(), body(bankAccount, 30_000));

        response.then().statusCode(202).contentType(ContentType.JSON).body("status", equalTo("REQUESTED"))
                .body("amount", equalTo(30_000));
        UUID id = UUID.fromString(response.path("id"));
        assertThat(response.header("Location")).endsWith("/withdrawals/" + id);
        given().auth().oauth2(MoneyApi.token(member)).get("/wallets/me").then()
                .body("posted", equalTo(100_000)).body("pending", equalTo(30_000)).body("available", equalTo(70_000));
        assertThat(holdExpiry(id)).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(5)));
        Banking.Command command = Banking.command(id);
        assertThat(command.key()).isEqualTo(id.toString());
        assertThat(command.request()).extracting(RequestFirmbanking::commandId, RequestFirmbanking::memberId,
                        RequestFirmbanking::bankAccountId, RequestFirmbanking::direction, RequestFirmbanking::amount)
                .containsExactly(id, member, bankAccount, FirmbankingDirection.OUT, 30_000L);
    }

    @Test
    void aPaidOutWithdrawalCapturesItsHoldToBankClearingOnce() {
        UUID member = fundedMember(100_000);
        UUID id = requested(member, 30_000);
        long clearingBefore = Banking.bankClearing();
        FirmbankingSucceeded success = Banking.success(Banking.command(id).request());
        String eventId = UUID.randomUUID().toString();

        Banking.answer(success, eventId);
        Banking.answer(success, eventId);
        Banking.awaitHandled(Banking.answer(success));

        given().auth().oauth2(MoneyApi.token(member)).get("/withdrawals/" + id).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("transferId", equalTo(Withdrawal.transferIdOf(id).toString()));
        given().auth().oauth2(MoneyApi.token(member)).get("/wallets/me").then()
                .body("posted", equalTo(70_000)).body("pending", equalTo(0)).body("available", equalTo(70_000));
        assertThat(Banking.bankClearing()).isEqualTo(clearingBefore + 30_000);
        assertThat(MoneyApi.count("select count(*) from transfers where debit_account_id = ? and kind = 'WITHDRAWAL'",
                MoneyApi.walletOf(member))).isEqualTo(1);
        assertThat(holdStatus(id)).isEqualTo("CAPTURED");
        Banking.MoneyEvent completed = Banking.moneyEvent("dev.moa.money.WithdrawalCompleted", id);
        assertThat(completed.data().path("amount").asLong()).isEqualTo(30_000);
        assertThat(completed.data().path("transferId").asText()).isEqualTo(Withdrawal.transferIdOf(id).toString());
        assertThat(MoneyApi.count("select count(*) from moa_outbox where event_type = "
                + "'dev.moa.money.WithdrawalCompleted' and subject = ?", id.toString())).isEqualTo(1);
    }

    @Test
    void aRefusedWithdrawalReleasesItsHold() {
        UUID member = fundedMember(100_000);
        UUID id = requested(member, 30_000);

        Banking.awaitHandled(Banking.answer(Banking.failure(Banking.command(id).request(), "ACCOUNT_CLOSED")));

        given().auth().oauth2(MoneyApi.token(member)).get("/withdrawals/" + id).then()
                .body("status", equalTo("FAILED")).body("reason", equalTo("ACCOUNT_CLOSED"))
                .body("transferId", nullValue());
        given().auth().oauth2(MoneyApi.token(member)).get("/wallets/me").then()
                .body("posted", equalTo(100_000)).body("available", equalTo(100_000));
        assertThat(holdStatus(id)).isEqualTo("VOIDED");
        Banking.MoneyEvent failed = Banking.moneyEvent("dev.moa.money.WithdrawalFailed", id);
        assertThat(failed.data().path("reason").asText()).isEqualTo("ACCOUNT_CLOSED");
    }

    @Test
    void aWithdrawalBeyondTheAvailableBalanceIsRefusedAndLeavesNoTrace() {
        UUID member = fundedMember(10_000);
        requested(member, 6_000);

        Banking.post("/withdrawals", member, key(), body(UUID.randomUUID(), 4_001)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/insufficient-funds"));

        assertThat(MoneyApi.count("select count(*) from withdrawals where member_id = ?", member)).isEqualTo(1);
        assertThat(MoneyApi.count("select count(*) from holds where debit_account_id = ?", MoneyApi.walletOf(member)))
                .isEqualTo(1);
        assertThat(Banking.commandsWrittenFor(member)).isEqualTo(1);
        assertThat(Banking.available(member)).isEqualTo(4_000);
    }

    @Test
    void aPayoutConfirmedAfterTheHoldExpiredIsPostedFromTheWallet() throws Throwable {
        UUID member = fundedMember(50_000);
        UUID id = requested(member, 20_000);
        expireHoldOf(id);
        assertThat(Banking.available(member)).isEqualTo(50_000);
        double lateBefore = metrics.outcomes("withdrawal", SagaStep.Result.COMPLETED_AFTER_HOLD_EXPIRED).count();

        Banking.awaitHandled(Banking.answer(Banking.success(Banking.command(id).request())));

        given().auth().oauth2(MoneyApi.token(member)).get("/withdrawals/" + id).then()
                .body("status", equalTo("COMPLETED"))
                .body("transferId", equalTo(Withdrawal.transferIdOf(id).toString()));
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(30_000);
        assertThat(MoneyApi.count("select count(*) from transfers where id = ? and kind = 'WITHDRAWAL' "
                + "and amount = 20000", Withdrawal.transferIdOf(id))).isEqualTo(1);
        assertThat(metrics.outcomes("withdrawal", SagaStep.Result.COMPLETED_AFTER_HOLD_EXPIRED).count() - lateBefore)
                .isEqualTo(1);
        Banking.moneyEvent("dev.moa.money.WithdrawalCompleted", id);
    }

    @Test
    void aPayoutConfirmedAfterTheHoldExpiredAndTheMoneyWasSpentNeedsReview() throws Throwable {
        UUID member = fundedMember(20_000);
        UUID friend = MoneyApi.newMember();
        UUID id = requested(member, 20_000);
        expireHoldOf(id);
        MoneyApi.remit(member, key(), Map.of("toMemberId", friend, "amount", 15_000)).then().statusCode(201);
        double reviewsBefore = metrics.outcomes("withdrawal", SagaStep.Result.NEEDS_REVIEW).count();

        Banking.awaitHandled(Banking.answer(Banking.success(Banking.command(id).request())));

        given().auth().oauth2(MoneyApi.token(member)).get("/withdrawals/" + id).then()
                .body("status", equalTo("NEEDS_REVIEW")).body("reason", equalTo("CONFIRMED_AFTER_HOLD_UNFUNDED"))
                .body("transferId", nullValue());
        assertThat(MoneyApi.balanceOf(member)).as("nothing debited").isEqualTo(5_000);
        assertThat(MoneyApi.count("select count(*) from transfers where id = ?", Withdrawal.transferIdOf(id))).isZero();
        assertThat(metrics.outcomes("withdrawal", SagaStep.Result.NEEDS_REVIEW).count() - reviewsBefore)
                .isEqualTo(1);
        assertThat(MoneyApi.count("select count(*) from moa_outbox where event_type like 'dev.moa.money.Withdrawal%' "
                + "and subject = ?", id.toString())).isZero();
    }

    @Test
    void retryingWithTheSameKeyAnswersTheSameWithdrawalAndHoldsOnce() {
        UUID member = fundedMember(50_000);
        UUID bankAccount = UUID.randomUUID();
        String key = key();

        Response first = Banking.post("/withdrawals", member, key, body(bankAccount, 10_000));
        Response again = Banking.post("/withdrawals", member, key, body(bankAccount, 10_000));

        first.then().statusCode(202);
        again.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        Banking.post("/withdrawals", member, key, body(bankAccount, 11_000)).then().statusCode(422)
                .body("type", equalTo("https://moa.dev/problems/idempotency-key-reused"));
        assertThat(Banking.available(member)).isEqualTo(40_000);
        assertThat(Banking.commandsWrittenFor(member)).isEqualTo(1);
    }

    @Test
    void aMemberCannotSeeAnotherMembersWithdrawal() {
        UUID alice = fundedMember(5_000);
        UUID bob = MoneyApi.newMember();
        UUID id = requested(alice, 1_000);

        given().auth().oauth2(MoneyApi.token(bob)).get("/withdrawals/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(MoneyApi.token(bob)).get("/withdrawals").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(MoneyApi.token(alice)).get("/withdrawals").then().statusCode(200)
                .body("items.id", equalTo(List.of(id.toString())));
    }

    @Test
    void badWithdrawalsAreRefusedAndChangeNothing() {
        UUID member = fundedMember(50_000_000);
        UUID bankAccount = UUID.randomUUID();
        List<Map<String, Object>> bodies = List.of(
                body(bankAccount, 0),
                body(bankAccount, -1),
                body(bankAccount, 10_000_001),
                body(bankAccount, Long.MAX_VALUE),
                Map.of("amount", 1_000),
                Map.of("bankAccountId", bankAccount),
                Map.of("bankAccountId", bankAccount, "amount", 1.5));
        for (Map<String, Object> body : bodies) {
            int status = Banking.post("/withdrawals", member, key(), body).then()
                    .contentType("application/problem+json").extract().statusCode();
            assertThat(status).as("withdrawal %s", body).isIn(400, 422);
        }
        given().auth().oauth2(MoneyApi.token(member)).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body("{\"amount\": 5").post("/withdrawals").then().statusCode(400)
                .contentType("application/problem+json");

        assertThat(MoneyApi.count("select count(*) from withdrawals where member_id = ?", member)).isZero();
        assertThat(Banking.available(member)).isEqualTo(50_000_000);
        assertThat(Banking.commandsWrittenFor(member)).isZero();
    }

    private static UUID fundedMember(long amount) {
        UUID member = MoneyApi.newMember();
        MoneyApi.fund(member, amount);
        return member;
    }

    private static UUID requested(UUID member, long amount) {
        Response response = Banking.post("/withdrawals", member, key(), body(UUID.randomUUID(), amount));
        response.then().statusCode(202);
        return UUID.fromString(response.path("id"));
    }

    /** Runs the hold expiry as the job would once the withdrawal's hold is due (30 days on). */
    private void expireHoldOf(UUID withdrawalId) throws Throwable {
        Instant due = holdExpiry(withdrawalId);
        VertxContextSupport.subscribeAndAwait(() -> holds.expire(due.plusSeconds(1), 1_000));
        assertThat(holdStatus(withdrawalId)).isEqualTo("EXPIRED");
    }

    private static Instant holdExpiry(UUID withdrawalId) {
        return Instant.ofEpochMilli(MoneyApi.count("select (extract(epoch from expires_at) * 1000)::bigint from holds "
                + "where id = ?", Withdrawal.holdIdOf(withdrawalId)));
    }

    private static String holdStatus(UUID withdrawalId) {
        try (Connection connection = MoneyApi.connect();
             PreparedStatement query = connection.prepareStatement("select status from holds where id = ?")) {
            query.setObject(1, Withdrawal.holdIdOf(withdrawalId));
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
