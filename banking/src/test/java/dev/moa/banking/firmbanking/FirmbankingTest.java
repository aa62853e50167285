package dev.moa.banking.firmbanking;

import dev.moa.banking.BankSimulatorResource;
import dev.moa.banking.Banking;
import dev.moa.banking.Banking.Event;
import dev.moa.banking.firmbanking.Firmbanking.Customer;
import dev.moa.banksim.FaultSettings;
import dev.moa.events.banking.FirmbankingDirection;
import dev.moa.events.banking.RequestFirmbanking;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.moa.banking.firmbanking.Firmbanking.assertAnsweredOnce;
import static dev.moa.banking.firmbanking.Firmbanking.bankKnows;
import static dev.moa.banking.firmbanking.Firmbanking.customer;
import static dev.moa.banking.firmbanking.Firmbanking.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Firm-banking through the real broker (RequestFirmbanking on banking.commands, answers on banking.events) against the
 * bank simulator as a separate process, when the bank answers.
 */
@QuarkusTest
class FirmbankingTest {

    private static final Duration ANSWER = Duration.ofSeconds(30);

    @AfterEach
    void noFaults() {
        BankSimulatorResource.bank().resetFaults();
    }

    @Test
    void aTopUpMovesMoneyFromTheMembersAccountToMoaOnce() {
        Customer customer = customer(100_000);
        long corporateBefore = Banking.corporateBalance();

        UUID commandId = request(customer, FirmbankingDirection.IN, 30_000);

        Event answer = Banking.answer(commandId, ANSWER);
        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingSucceeded");
        assertThat(answer.key()).isEqualTo(commandId.toString());
        assertThat(answer.data().path("memberId").asText()).isEqualTo(customer.memberId().toString());
        assertThat(answer.data().path("bankAccountId").asText()).isEqualTo(customer.bankAccountId().toString());
        assertThat(answer.data().path("direction").asText()).isEqualTo("IN");
        assertThat(answer.data().path("amount").asLong()).isEqualTo(30_000);
        assertThat(answer.data().path("bankTransactionId").asText()).startsWith("SIM-088-");
        assertThat(answer.data().path("reconciled").asBoolean()).isFalse();
        assertThat(customer.bankBalance()).isEqualTo(70_000);
        assertThat(Banking.corporateBalance()).isEqualTo(corporateBefore + 30_000);
        assertAnsweredOnce(commandId);
        assertThat(Firmbanking.state(commandId)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aWithdrawalPaysTheMembersAccountFromMoa() {
        Customer customer = customer(0);

        UUID commandId = request(customer, FirmbankingDirection.OUT, 45_000);

        Event answer = Banking.answer(commandId, ANSWER);
        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingSucceeded");
        assertThat(answer.data().path("direction").asText()).isEqualTo("OUT");
        assertThat(customer.bankBalance()).isEqualTo(45_000);
    }

    @Test
    void aDeclinedTransferFailsAndMovesNothing() {
        Customer customer = customer(100_000);
        BankSimulatorResource.bank().setFaults(FaultSettings.NONE.withDeclineRate(1.0));

        UUID commandId = request(customer, FirmbankingDirection.IN, 10_000);

        Event answer = Banking.answer(commandId, ANSWER);
        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingFailed");
        assertThat(answer.data().path("reason").asText()).isEqualTo("DECLINED");
        assertThat(answer.data().path("reconciled").asBoolean()).isFalse();
        assertThat(customer.bankBalance()).isEqualTo(100_000);
        assertAnsweredOnce(commandId);
    }

    @Test
    void aTopUpBeyondTheBankBalanceFailsForInsufficientFunds() {
        Customer customer = customer(5_000);

        UUID commandId = request(customer, FirmbankingDirection.IN, 5_001);

        Event answer = Banking.answer(commandId, ANSWER);
        assertThat(answer.data().path("reason").asText()).isEqualTo("INSUFFICIENT_BANK_FUNDS");
        assertThat(customer.bankBalance()).isEqualTo(5_000);
    }

    @Test
    void anAccountClosedAtTheBankFails() {
        Customer customer = customer(100_000);
        BankSimulatorResource.bank().closeAccount(customer.account().bankCode(), customer.account().accountNumber());

        Event answer = Banking.answer(request(customer, FirmbankingDirection.IN, 1_000), ANSWER);

        assertThat(answer.data().path("reason").asText()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(customer.bankBalance()).isEqualTo(100_000);
    }

    @Test
    void anotherMembersAccountCannotBeUsedAndTheBankIsNotCalled() {
        Customer victim = customer(1_000_000);
        UUID mallory = Banking.newMember("Mallory Park");
        RequestFirmbanking theft = new RequestFirmbanking(UUID.randomUUID(), mallory, victim.bankAccountId(),
                FirmbankingDirection.IN, 500_000, Instant.now());

        UUID commandId = request(theft, UUID.randomUUID().toString());

        Event answer = Banking.answer(commandId, ANSWER);
        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingFailed");
        assertThat(answer.data().path("reason").asText()).isEqualTo("ACCOUNT_NOT_LINKED");
        assertThat(bankKnows(commandId)).isFalse();
        assertThat(victim.bankBalance()).isEqualTo(1_000_000);
    }

    @Test
    void anUnlinkedAccountCannotBeUsed() {
        Customer customer = customer(100_000);
        io.restassured.RestAssured.given().auth().oauth2(Banking.token(customer.memberId()))
                .when().delete("/bank-accounts/" + customer.bankAccountId()).then().statusCode(204);

        UUID commandId = request(customer, FirmbankingDirection.IN, 1_000);

        assertThat(Banking.answer(commandId, ANSWER).data().path("reason").asText()).isEqualTo("ACCOUNT_NOT_LINKED");
        assertThat(bankKnows(commandId)).isFalse();
    }

    @Test
    void invalidTermsAreAnsweredInvalidWithoutABankCall() {
        Customer customer = customer(100_000);
        UUID zero = request(customer, FirmbankingDirection.IN, 0);
        UUID sideways = UUID.randomUUID();
        Banking.publishRaw("banking.commands", sideways.toString(), "dev.moa.banking.command.RequestFirmbanking",
                "{\"commandId\":\"" + sideways + "\",\"memberId\":\"" + customer.memberId() + "\",\"bankAccountId\":\""
                        + customer.bankAccountId() + "\",\"direction\":\"SIDEWAYS\",\"amount\":1000}",
                UUID.randomUUID().toString());

        assertThat(Banking.answer(zero, ANSWER).data().path("reason").asText()).isEqualTo("INVALID");
        assertThat(Banking.answer(sideways, ANSWER).data().path("reason").asText()).isEqualTo("INVALID");
        assertThat(bankKnows(zero) || bankKnows(sideways)).isFalse();
        assertThat(customer.bankBalance()).isEqualTo(100_000);
    }

    @Test
    void recordsThatCannotBeAnsweredGoToTheDeadLetterTopic() {
        String garbage = "not json " + UUID.randomUUID();
        String nameless = "{\"amount\":1000,\"marker\":\"" + UUID.randomUUID() + "\"}";
        Banking.publishRaw("banking.commands", "k", "dev.moa.banking.command.RequestFirmbanking", garbage,
                UUID.randomUUID().toString());
        Banking.publishRaw("banking.commands", "k", "dev.moa.banking.command.RequestFirmbanking", nameless,
                UUID.randomUUID().toString());

        var dead = Banking.records("banking.commands.dead-letter", ANSWER, records -> records.stream()
                .filter(r -> r.value().equals(garbage) || r.value().equals(nameless)).count() == 2);

        assertThat(dead).extracting(org.apache.kafka.clients.consumer.ConsumerRecord::value)
                .contains(garbage, nameless);
    }

    @Test
    void theSameCommandDeliveredTwiceMovesMoneyOnceAndIsAnsweredOnce() {
        Customer customer = customer(100_000);
        RequestFirmbanking command = new RequestFirmbanking(UUID.randomUUID(), customer.memberId(),
                customer.bankAccountId(), FirmbankingDirection.IN, 40_000, Instant.now());
        String cloudEventId = UUID.randomUUID().toString();
        String resentId = UUID.randomUUID().toString();

        request(command, cloudEventId);
        request(command, cloudEventId);
        request(command, resentId);

        Event answer = Banking.answer(command.commandId(), ANSWER);
        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingSucceeded");
        await().atMost(ANSWER).until(() -> Banking.count("select count(*) from moa_inbox where consumer = "
                + "'banking.commands' and event_id in (?, ?)", cloudEventId, resentId) == 2);
        assertAnsweredOnce(command.commandId());
        assertThat(Firmbanking.sends(command.commandId())).isEqualTo(1);
        assertThat(customer.bankBalance()).isEqualTo(60_000);
        assertThat(Banking.answers(command.commandId())).hasSize(1);
    }
}
