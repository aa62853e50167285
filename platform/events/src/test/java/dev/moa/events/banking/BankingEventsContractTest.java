package dev.moa.events.banking;

import dev.moa.events.JsonContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** Pins the JSON form of the command money sends on {@code banking.commands} and of banking's events. */
class BankingEventsContractTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID COMMAND = UUID.fromString("c0ffee00-1111-4222-8333-444455556666");
    private static final UUID MEMBER = UUID.fromString("0b7e3f0c-5a3e-4c7a-9a51-3c2d1e0f9a11");
    private static final UUID BANK_ACCOUNT = UUID.fromString("5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716");

    @Test
    void requestFirmbanking() {
        JsonContract.assertPinned(new RequestFirmbanking(COMMAND, MEMBER, BANK_ACCOUNT, FirmbankingDirection.IN,
                50_000, AT), "banking/command-request-firmbanking.json");
    }

    @Test
    void firmbankingSucceeded() {
        JsonContract.assertPinned(new FirmbankingSucceeded(COMMAND, MEMBER, BANK_ACCOUNT, FirmbankingDirection.OUT,
                50_000, "SIM-000123", true, AT), "banking/firmbanking-succeeded.json");
    }

    @Test
    void firmbankingFailed() {
        JsonContract.assertPinned(new FirmbankingFailed(COMMAND, MEMBER, BANK_ACCOUNT, FirmbankingDirection.IN,
                50_000, "DECLINED", "The bank declined the transfer", false, AT), "banking/firmbanking-failed.json");
    }

    @Test
    void bankAccountLinked() {
        JsonContract.assertPinned(new BankAccountLinked(BANK_ACCOUNT, MEMBER, "088", "4821", AT),
                "banking/bank-account-linked.json");
    }

    @Test
    void bankAccountUnlinked() {
        JsonContract.assertPinned(new BankAccountUnlinked(BANK_ACCOUNT, MEMBER, AT), "banking/bank-account-unlinked.json");
    }
}
