package dev.moa.events.money;

import dev.moa.events.JsonContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the JSON form of the hold events and of the commands other services send on {@code money.commands}. */
class HoldEventsContractTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-11-28T10:00:00Z");
    private static final UUID COMMAND = UUID.fromString("c0ffee00-1111-4222-8333-444455556666");
    private static final UUID HOLD = UUID.fromString("7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    private static final UUID TRANSFER = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    private static final UUID FEE = UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
    private static final UUID WALLET = UUID.fromString("3f6d1c2a-8b7e-4f10-9c3d-2a1b0c9d8e7f");
    private static final UUID MEMBER = UUID.fromString("0b7e3f0c-5a3e-4c7a-9a51-3c2d1e0f9a11");
    private static final UUID ESCROW = UUID.fromString("00000000-0000-4000-8000-000000000002");

    @Test
    void holdPlaced() {
        JsonContract.assertPinned(new HoldPlaced(HOLD, WALLET, MEMBER, 300_000, EXPIRES, "auction:42", COMMAND, AT),
                "money/hold-placed.json");
    }

    @Test
    void holdRejected() {
        JsonContract.assertPinned(new HoldRejected(HOLD, WALLET, MEMBER, 300_000, "INSUFFICIENT_FUNDS",
                "The wallet's available balance is too low", COMMAND, AT), "money/hold-rejected.json");
    }

    @Test
    void holdCaptured() {
        JsonContract.assertPinned(new HoldCaptured(HOLD, TRANSFER, WALLET, MEMBER, 220_000, 80_000, ESCROW, null,
                List.of(FEE), COMMAND, AT), "money/hold-captured.json");
    }

    @Test
    void holdCaptureFailed() {
        JsonContract.assertPinned(new HoldCaptureFailed(HOLD, TRANSFER, "VOIDED", "The hold was voided", COMMAND, AT),
                "money/hold-capture-failed.json");
    }

    @Test
    void holdVoided() {
        JsonContract.assertPinned(new HoldVoided(HOLD, WALLET, MEMBER, 300_000, "EXPIRED", null, AT),
                "money/hold-voided.json");
    }

    @Test
    void holdVoidFailed() {
        JsonContract.assertPinned(new HoldVoidFailed(HOLD, "CAPTURED", COMMAND, AT), "money/hold-void-failed.json");
    }

    @Test
    void transferRejected() {
        JsonContract.assertPinned(new TransferRejected(COMMAND, "INSUFFICIENT_FUNDS",
                "The wallet's available balance is too low", AT), "money/transfer-rejected.json");
    }

    @Test
    void placeHold() {
        JsonContract.assertPinned(new PlaceHold(COMMAND, HOLD, "MEMBER", MEMBER, 300_000, EXPIRES, "auction:42"),
                "money/command-place-hold.json");
    }

    @Test
    void captureHold() {
        JsonContract.assertPinned(new CaptureHold(COMMAND, HOLD, TRANSFER, AccountRef.system("ESCROW"), 220_000,
                null, "lot:7", "hammer price and premium", List.of(new LinkedTransfer(FEE, AccountRef.system("ESCROW"),
                AccountRef.system("FEES_REVENUE"), 20_000, "FEE", "lot:7", "buyer's premium"))),
                "money/command-capture-hold.json");
    }

    @Test
    void voidHold() {
        JsonContract.assertPinned(new VoidHold(COMMAND, HOLD), "money/command-void-hold.json");
    }

    @Test
    void transfer() {
        JsonContract.assertPinned(new Transfer(COMMAND, AccountRef.member(MEMBER), AccountRef.system(
                "SETTLEMENT_PAYABLE"), 9_900, "PAYMENT", "order:19", null, List.of()), "money/command-transfer.json");
    }

    @Test
    void commandsAreTypedAndKeyedForMoney() {
        assertThat(new PlaceHold(COMMAND, HOLD, "MEMBER", MEMBER, 1, EXPIRES, null).eventType())
                .isEqualTo("dev.moa.money.command.PlaceHold");
        assertThat(new VoidHold(COMMAND, HOLD).subject()).isEqualTo(HOLD.toString());
        assertThat(new HoldVoidFailed(HOLD, "CAPTURED", COMMAND, AT).subject()).isEqualTo(HOLD.toString());
        assertThat(new Transfer(COMMAND, null, null, 1, "PAYMENT", null, null, null).linked()).isEmpty();
    }
}
