package dev.moa.flows;

import dev.moa.banksim.BankModel.AccountView;
import dev.moa.banksim.FaultSettings;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's money from their bank account to their wallet and back, through membership, banking, money and the bank
 * simulator, each its own process: every answer is the one a mobile app would read.
 */
@ExtendWith(RunningPlatform.Extension.class)
class TopUpWithdrawalFlowTest {

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
        String bankAccountId = member.linkBankAccount(account);
        member.awaitWallet();

        String topUp = member.askBank("/top-ups", bankAccountId, 300_000);
        assertThat(member.awaitBankOutcome(topUp).jsonPath().getString("status")).isEqualTo("COMPLETED");
        assertThat(member.wallet("posted")).isEqualTo(300_000);
        assertThat(bankBalance(account)).isEqualTo(700_000);

        String withdrawal = member.askBank("/withdrawals", bankAccountId, 120_000);
        assertThat(member.awaitBankOutcome(withdrawal).jsonPath().getString("status")).isEqualTo("COMPLETED");
        assertThat(member.wallet("posted")).isEqualTo(180_000);
        assertThat(member.wallet("available")).isEqualTo(180_000);
        assertThat(bankBalance(account)).isEqualTo(820_000);
    }

    @Test
    void aTopUpTheBankRefusesCreditsNothing() {
        AppUser member = AppUser.signUp(platform, "Lee Jiwoo");
        AccountView account = platform.bank().openAccount("Lee Jiwoo", 50_000);
        String bankAccountId = member.linkBankAccount(account);
        member.awaitWallet();

        String topUp = member.askBank("/top-ups", bankAccountId, 80_000);
        Response done = member.awaitBankOutcome(topUp);

        assertThat(done.jsonPath().getString("status")).isEqualTo("FAILED");
        assertThat(done.jsonPath().getString("reason")).isEqualTo("INSUFFICIENT_BANK_FUNDS");
        assertThat(member.wallet("posted")).isZero();
        assertThat(bankBalance(account)).isEqualTo(50_000);
    }

    @Test
    void aWithdrawalTheBankRefusesGivesTheMoneyBack() {
        AppUser member = AppUser.signUp(platform, "Park Seoyeon");
        AccountView account = platform.bank().openAccount("Park Seoyeon", 200_000);
        String bankAccountId = member.linkBankAccount(account);
        member.awaitWallet();
        member.awaitBankOutcome(member.askBank("/top-ups", bankAccountId, 100_000));
        platform.bank().closeAccount(account.bankCode(), account.accountNumber());

        Response done = member.awaitBankOutcome(member.askBank("/withdrawals", bankAccountId, 40_000));

        assertThat(done.jsonPath().getString("status")).isEqualTo("FAILED");
        assertThat(done.jsonPath().getString("reason")).isEqualTo("ACCOUNT_CLOSED");
        assertThat(member.wallet("posted")).isEqualTo(100_000);
        assertThat(member.wallet("available")).isEqualTo(100_000);
    }

    @Test
    void aMemberCannotTopUpFromAnotherMembersAccount() {
        AppUser owner = AppUser.signUp(platform, "Choi Haeun");
        AccountView account = platform.bank().openAccount("Choi Haeun", 500_000);
        String ownersAccountId = owner.linkBankAccount(account);
        AppUser other = AppUser.signUp(platform, "Jung Minjun");
        other.awaitWallet();

        Response done = other.awaitBankOutcome(other.askBank("/top-ups", ownersAccountId, 10_000));

        assertThat(done.jsonPath().getString("status")).isEqualTo("FAILED");
        assertThat(done.jsonPath().getString("reason")).isEqualTo("ACCOUNT_NOT_LINKED");
        assertThat(other.wallet("posted")).isZero();
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
        String bankAccountId = member.linkBankAccount(account);
        member.awaitWallet();
        platform.bank().setFaults(FaultSettings.NONE.withTimeoutRate(1.0, 60_000));

        String topUp = member.askBank("/top-ups", bankAccountId, 150_000);
        await().atMost(AppUser.EVENTUAL).until(() -> platform.bank().recordedTransfer(topUp).isPresent());
        platform.crashAndRestart("banking");
        platform.bank().resetFaults();

        assertThat(member.awaitBankOutcome(topUp).jsonPath().getString("status")).isEqualTo("COMPLETED");
        assertThat(member.wallet("posted")).isEqualTo(150_000);
        assertThat(bankBalance(account)).isEqualTo(250_000);
        assertThat(platform.bank().account(account.bankCode(), account.accountNumber()).transfers())
                .containsExactly(topUp);
    }

    private static long bankBalance(AccountView account) {
        return platform.bank().account(account.bankCode(), account.accountNumber()).balance();
    }
}
