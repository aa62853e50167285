package dev.moa.banking.firmbanking;

import dev.moa.banking.BankSimulatorResource;
import dev.moa.banking.Banking;
import dev.moa.banksim.BankModel.AccountView;
import dev.moa.events.banking.FirmbankingDirection;
import dev.moa.events.banking.RequestFirmbanking;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Plays money on {@code banking.commands}: a member with a linked account at the bank, and their commands. */
final class Firmbanking {

    /** A member, their account at the bank, and its link in banking. */
    record Customer(UUID memberId, AccountView account, UUID bankAccountId) {

        long bankBalance() {
            return Banking.bankBalance(account);
        }
    }

    private Firmbanking() {
    }

    static Customer customer(long bankBalance) {
        UUID member = Banking.newMember("Kim Minsu");
        AccountView account = Banking.bankAccount("Kim Minsu", bankBalance);
        return new Customer(member, account, Banking.linked(member, account));
    }

    /** Sends a RequestFirmbanking (new command id, new CloudEvents id) and returns its command id. */
    static UUID request(Customer customer, FirmbankingDirection direction, long amount) {
        return request(new RequestFirmbanking(UUID.randomUUID(), customer.memberId(), customer.bankAccountId(),
                direction, amount, Instant.now()), UUID.randomUUID().toString());
    }

    static UUID request(RequestFirmbanking command, String cloudEventId) {
        Banking.publish("banking.commands", "/moa/money", command, cloudEventId);
        return command.commandId();
    }

    /** The outbox holds exactly one event for the command: it was answered once. */
    static void assertAnsweredOnce(UUID commandId) {
        assertThat(Banking.count("select count(*) from moa_outbox where subject = ?", commandId.toString()))
                .as("outcome events of " + commandId).isEqualTo(1);
    }

    static String state(UUID commandId) {
        return Banking.text("select state from firmbanking_requests where command_id = ?", commandId);
    }

    static long sends(UUID commandId) {
        return Banking.count("select sends from firmbanking_requests where command_id = ?", commandId);
    }

    /** Whether the bank has any transfer under the command id. */
    static boolean bankKnows(UUID commandId) {
        return BankSimulatorResource.bank().recordedTransfer(commandId.toString()).isPresent();
    }
}
