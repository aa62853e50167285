package dev.moa.events.money;

import dev.moa.events.JsonContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** Pins the JSON form of the top-up and withdrawal outcomes money announces on {@code money.events}. */
class SagaEventsContractTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID SAGA = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static final UUID MEMBER = UUID.fromString("0b7e3f0c-5a3e-4c7a-9a51-3c2d1e0f9a11");
    private static final UUID WALLET = UUID.fromString("3f6d1c2a-8b7e-4f10-9c3d-2a1b0c9d8e7f");
    private static final UUID BANK_ACCOUNT = UUID.fromString("5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716");
    private static final UUID TRANSFER = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

    @Test
    void topUpCompleted() {
        JsonContract.assertPinned(new TopUpCompleted(SAGA, MEMBER, WALLET, BANK_ACCOUNT, 50_000, TRANSFER, AT),
                "money/top-up-completed.json");
    }

    @Test
    void topUpFailed() {
        JsonContract.assertPinned(new TopUpFailed(SAGA, MEMBER, BANK_ACCOUNT, 50_000, "DECLINED",
                "The bank declined the transfer", AT), "money/top-up-failed.json");
    }

    @Test
    void withdrawalCompleted() {
        JsonContract.assertPinned(new WithdrawalCompleted(SAGA, MEMBER, WALLET, BANK_ACCOUNT, 30_000, TRANSFER, AT),
                "money/withdrawal-completed.json");
    }

    @Test
    void withdrawalFailed() {
        JsonContract.assertPinned(new WithdrawalFailed(SAGA, MEMBER, BANK_ACCOUNT, 30_000, "ACCOUNT_CLOSED",
                "The bank account is closed", AT), "money/withdrawal-failed.json");
    }
}
