package dev.moa.banking.bank;

import dev.moa.banking.bank.BankApi.Outcome;
import dev.moa.banking.bank.BankApi.TransferLookup;
import dev.moa.banking.bank.BankApi.TransferRequest;
import dev.moa.banking.bank.BankApi.TransferResult;
import dev.moa.banking.bank.BankCalls.Answered;
import dev.moa.banking.bank.BankCalls.Found;
import dev.moa.banking.bank.BankCalls.LookupFailed;
import dev.moa.banking.bank.BankCalls.NoAnswer;
import dev.moa.banking.bank.BankCalls.NotFound;
import dev.moa.events.banking.FirmbankingDirection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the gateway reads what the bank sent back: only a well-formed answer counts as one. Anything else leaves the
 * outcome unknown, so that it is asked again rather than taken for "never executed" or for a result it does not name.
 */
class BankGatewayTest {

    private static final String ID = "c0ffee00-1111-4222-8333-444455556666";
    private static final TransferRequest REQUEST = new TransferRequest(ID, FirmbankingDirection.OUT, "088",
            "110123456789", 50_000);
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void onlyAnExplicitNotFoundIsNotFound() {
        assertThat(lookup(new TransferLookup(ID, "NOT_FOUND", null))).isInstanceOf(NotFound.class);
    }

    @Test
    void aLookupAnswerNamingNeitherFoundNorNotFoundIsNoAnswer() {
        assertThat(lookup(new TransferLookup(ID, null, null))).isInstanceOf(LookupFailed.class);
        assertThat(lookup(new TransferLookup(ID, "PENDING", null))).isInstanceOf(LookupFailed.class);
    }

    @Test
    void aFoundLookupWithoutTheTransferOrItsOutcomeIsNoAnswer() {
        assertThat(lookup(new TransferLookup(ID, "FOUND", null))).isInstanceOf(LookupFailed.class);
        assertThat(lookup(new TransferLookup(ID, "FOUND", result(null)))).isInstanceOf(LookupFailed.class);
    }

    @Test
    void aFoundLookupWithAnOutcomeIsFound() {
        assertThat(lookup(new TransferLookup(ID, "FOUND", result(Outcome.SUCCEEDED)))).isInstanceOf(Found.class);
    }

    @Test
    void aTransferAnswerWithoutAnOutcomeIsNoAnswer() {
        assertThat(transfer(result(null))).isInstanceOf(NoAnswer.class);
        assertThat(transfer(null)).isInstanceOf(NoAnswer.class);
    }

    @Test
    void aTransferAnswerWithAnOutcomeIsAnAnswer() {
        assertThat(transfer(result(Outcome.DECLINED))).isInstanceOf(Answered.class);
    }

    private static BankCalls.LookupCall lookup(TransferLookup answer) {
        return gateway(bank(null, answer)).lookup(ID).await().atMost(WAIT);
    }

    private static BankCalls.TransferCall transfer(TransferResult answer) {
        return gateway(bank(answer, null)).transfer(REQUEST).await().atMost(WAIT);
    }

    private static BankGateway gateway(BankClient bank) {
        return new BankGateway(bank, new SimpleMeterRegistry(), 500, 1_000);
    }

    private static TransferResult result(Outcome outcome) {
        return new TransferResult(ID, outcome, outcome == Outcome.SUCCEEDED ? "SIM-1" : null,
                FirmbankingDirection.OUT, "088", "110123456789", 50_000);
    }

    /**
     * A bank that answers every transfer and lookup with the given bodies. A proxy, not a class: a class implementing
     * the client interface would be served as a REST resource by the application under test.
     */
    private static BankClient bank(TransferResult transferAnswer, TransferLookup lookupAnswer) {
        return (BankClient) Proxy.newProxyInstance(BankClient.class.getClassLoader(), new Class<?>[]{BankClient.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "transfer" -> Uni.createFrom().item(transferAnswer);
                    case "lookup" -> Uni.createFrom().item(lookupAnswer);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
