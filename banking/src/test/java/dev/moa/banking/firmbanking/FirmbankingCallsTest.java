package dev.moa.banking.firmbanking;

import dev.moa.banking.bank.BankApi.Outcome;
import dev.moa.banking.bank.BankApi.TransferRequest;
import dev.moa.banking.bank.BankApi.TransferResult;
import dev.moa.banking.bank.BankCalls.Answered;
import dev.moa.banking.bank.BankCalls.NoAnswer;
import dev.moa.banking.bank.BankCalls.NotDelivered;
import dev.moa.banking.bank.BankCalls.Rejected;
import dev.moa.banking.firmbanking.Decision.Decided;
import dev.moa.banking.firmbanking.Decision.Undecided;
import dev.moa.events.banking.FirmbankingDirection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What banking concludes from one transfer call: never more than the call proves. */
class FirmbankingCallsTest {

    private static final TransferRequest REQUEST = new TransferRequest("c0ffee00-1111-4222-8333-444455556666",
            FirmbankingDirection.IN, "088", "110123456789", 50_000);

    @Test
    void anAnswerForThisRequestDecides() {
        Decision decision = FirmbankingCalls.fromTransfer(REQUEST, new Answered(result(Outcome.SUCCEEDED, 50_000)),
                1, false);

        assertThat(decision).isEqualTo(Decided.succeeded("SIM-1", false));
    }

    @Test
    void anAnswerWithOtherTermsIsAConflictForAPerson() {
        Decision decision = FirmbankingCalls.fromTransfer(REQUEST, new Answered(result(Outcome.SUCCEEDED, 40_000)),
                1, false);

        assertThat(decision).isInstanceOf(Undecided.class);
        assertThat(((Undecided) decision).flagNow()).isTrue();
    }

    @Test
    void aConnectionNeverMadeMeansTheBankDoesNotHaveIt() {
        Decision decision = FirmbankingCalls.fromTransfer(REQUEST, new NotDelivered("refused"), 1, false);

        assertThat(((Undecided) decision).next()).isEqualTo(FirmbankingState.UNREACHABLE);
    }

    @Test
    void silenceOrAServerErrorLeavesTheOutcomeUnknown() {
        assertThat(((Undecided) FirmbankingCalls.fromTransfer(REQUEST, new NoAnswer("timeout"), 1, false)).next())
                .isEqualTo(FirmbankingState.UNKNOWN);
        assertThat(((Undecided) FirmbankingCalls.fromTransfer(REQUEST, new Rejected(500, "oops"), 1, false)).next())
                .isEqualTo(FirmbankingState.UNKNOWN);
    }

    @Test
    void bankRefusalsMapToTheContractsReasons() {
        assertThat(FirmbankingCalls.outcome(result(Outcome.DECLINED, 50_000), FirmbankingDirection.IN, false).reason())
                .isEqualTo("DECLINED");
        assertThat(FirmbankingCalls.outcome(result(Outcome.INSUFFICIENT_FUNDS, 50_000), FirmbankingDirection.OUT, true)
                .reason()).isEqualTo("INSUFFICIENT_BANK_FUNDS");
        assertThat(FirmbankingCalls.outcome(result(Outcome.UNKNOWN_ACCOUNT, 50_000), FirmbankingDirection.IN, false)
                .reason()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(((Decided) FirmbankingCalls.fromTransfer(REQUEST, new Rejected(400, "bad"), 1, false)).reason())
                .isEqualTo("INVALID");
    }

    private static TransferResult result(Outcome outcome, long amount) {
        return new TransferResult(REQUEST.requestId(), outcome, outcome == Outcome.SUCCEEDED ? "SIM-1" : null,
                FirmbankingDirection.IN, "088", "110123456789", amount);
    }
}
