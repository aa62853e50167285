package dev.moa.flows;

import dev.moa.banksim.BankModel.AccountView;
import dev.moa.banksim.FaultSettings;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's money from their bank account to their wallet and back, through membership, banking, money and the bank
 * simulator, each its own process: every answer is the one a mobile app would read.
 */
@ExtendWith(RunningPlatform.Extension.class)
class TopUpWithdrawalFlowTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(45);

    private static RunningPlatform platform;

    @BeforeAll
    static void platform(RunningPlatform running) {
        platform = running;
    }

    @AfterEach
    void bankWithoutFaults() {
        platform.bank().resetFaults();
    }

    @Test
    void topUpThenWithdrawalMoveTheMoneyOnceAtTheBankAndInTheWallet() {
        AppUser member = AppUser.signUp(platform, "Kim Minsu");
        AccountView account = platform.bank().openAccount("Kim Minsu", 1_000_000);
        String bankAccountId = link(member, account);
        awaitWallet(member);

        String topUp = request(member, "/top-ups", bankAccountId, 300_000);
        assertThat(awaitFinal(member, topUp).jsonPath().getString("status")).isEqualTo("COMPLETED");
        assertThat(wallet(member, "posted")).isEqualTo(300_000);
        assertThat(bankBalance(account)).isEqualTo(700_000);

        String withdrawal = request(member, "/withdrawals", bankAccountId, 120_000);
        assertThat(awaitFinal(member, withdrawal).jsonPath().getString("status")).isEqualTo("COMPLETED");
        assertThat(wallet(member, "posted")).isEqualTo(180_000);
        assertThat(wallet(member, "available")).isEqualTo(180_000);
        assertThat(bankBalance(account)).isEqualTo(820_000);
    }

    @Test
    void aTopUpTheBankRefusesCreditsNothing() {
        AppUser member = AppUser.signUp(platform, "Lee Jiwoo");
        AccountView account = platform.bank().openAccount("Lee Jiwoo", 50_000);
        String bankAccountId = link(member, account);
        awaitWallet(member);

        String topUp = request(member, "/top-ups", bankAccountId, 80_000);
        Response done = awaitFinal(member, topUp);

        assertThat(done.jsonPath().getString("status")).isEqualTo("FAILED");
        assertThat(done.jsonPath().getString("reason")).isEqualTo("INSUFFICIENT_BANK_FUNDS");
        assertThat(wallet(member, "posted")).isZero();
        assertThat(bankBalance(account)).isEqualTo(50_000);
    }

    @Test
    void aWithdrawalTheBankRefusesGivesTheMoneyBack() {
        AppUser member = AppUser.signUp(platform, "Park Seoyeon");
        AccountView account = platform.bank().openAccount("Park Seoyeon", 200_000);
        String bankAccountId = link(member, account);
        awaitWallet(member);
        awaitFinal(member, request(member, "/top-ups", bankAccountId, 100_000));
        platform.bank().closeAccount(account.bankCode(), account.accountNumber());

        Response done = awaitFinal(member, request(member, "/withdrawals", bankAccountId, 40_000));

        assertThat(done.jsonPath().getString("status")).isEqualTo("FAILED");
        assertThat(done.jsonPath().getString("reason")).isEqualTo("ACCOUNT_CLOSED");
        assertThat(wallet(member, "posted")).isEqualTo(100_000);
        assertThat(wallet(member, "available")).isEqualTo(100_000);
    }

    @Test
    void aMemberCannotTopUpFromAnotherMembersAccount() {
        AppUser owner = AppUser.signUp(platform, "Choi Haeun");
        AccountView account = platform.bank().openAccount("Choi Haeun", 500_000);
        String ownersAccountId = link(owner, account);
        AppUser other = AppUser.signUp(platform, "Jung Minjun");
        awaitWallet(other);

        Response done = awaitFinal(other, request(other, "/top-ups", ownersAccountId, 10_000));

        assertThat(done.jsonPath().getString("status")).isEqualTo("FAILED");
        assertThat(done.jsonPath().getString("reason")).isEqualTo("ACCOUNT_NOT_LINKED");
        assertThat(wallet(other, "posted")).isZero();
        assertThat(bankBalance(account)).isEqualTo(500_000);
        assertThat(other.at("banking").get("/bank-accounts/" + ownersAccountId).statusCode()).isEqualTo(404);
    }

    /**
     * The bank executes the transfer but its answer never comes, and banking is killed while it waits: the restarted
     * banking finds the transfer at the bank by its request id and money credits it exactly once.
     */
    @Test
    void bankingKilledWhileTheBanksAnswerIsLostStillCreditsOnce() {
        AppUser member = AppUser.signUp(platform, "Yoon Seojun");
        AccountView account = platform.bank().openAccount("Yoon Seojun", 400_000);
        String bankAccountId = link(member, account);
        awaitWallet(member);
        platform.bank().setFaults(FaultSettings.NONE.withTimeoutRate(1.0, 60_000));

        String topUp = request(member, "/top-ups", bankAccountId, 150_000);
        await().atMost(EVENTUAL).until(() -> platform.bank().recordedTransfer(topUp).isPresent());
        platform.crashAndRestart("banking");
        platform.bank().resetFaults();

        assertThat(awaitFinal(member, topUp).jsonPath().getString("status")).isEqualTo("COMPLETED");
        assertThat(wallet(member, "posted")).isEqualTo(150_000);
        assertThat(bankBalance(account)).isEqualTo(250_000);
        assertThat(platform.bank().account(account.bankCode(), account.accountNumber()).transfers())
                .containsExactly(topUp);
    }

    private static String link(AppUser member, AccountView account) {
        Map<String, String> body = Map.of("bankCode", account.bankCode(), "accountNumber", account.accountNumber(),
                "holderName", member.name());
        // Banking learns the member's name from membership.events: until then it answers 503 member-profile-pending.
        Response linked = await().atMost(EVENTUAL).until(() -> member.at("banking").body(body).post("/bank-accounts"),
                response -> response.statusCode() != 503);
        assertThat(linked.statusCode()).as(linked.asString()).isEqualTo(201);
        assertThat(linked.jsonPath().getString("accountNumberLast4"))
                .isEqualTo(account.accountNumber().substring(account.accountNumber().length() - 4));
        return linked.jsonPath().getString("id");
    }

    private static void awaitWallet(AppUser member) {
        await().atMost(EVENTUAL).until(() -> member.at("money").get("/wallets/me").statusCode(), s -> s == 200);
    }

    /** POSTs a top-up or withdrawal and answers its id, from the 202's {@code Location}. */
    private static String request(AppUser member, String path, String bankAccountId, long amount) {
        Response accepted = member.at("money").header("Idempotency-Key", "flow-" + UUID.randomUUID())
                .body(Map.of("bankAccountId", bankAccountId, "amount", amount))
                .post(path);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).contains(path + "/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Polls a top-up or withdrawal (whichever the id is) until it is no longer REQUESTED. */
    private static Response awaitFinal(AppUser member, String sagaId) {
        return await().atMost(EVENTUAL).until(() -> {
            Response topUp = member.at("money").get("/top-ups/" + sagaId);
            return topUp.statusCode() == 200 ? topUp : member.at("money").get("/withdrawals/" + sagaId);
        }, response -> response.statusCode() == 200 && !"REQUESTED".equals(response.jsonPath().getString("status")));
    }

    private static long wallet(AppUser member, String field) {
        return member.at("money").get("/wallets/me").then().statusCode(200).extract().jsonPath().getLong(field);
    }

    private static long bankBalance(AccountView account) {
        return platform.bank().account(account.bankCode(), account.accountNumber()).balance();
    }
}
