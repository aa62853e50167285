package dev.moa.events.money;

import dev.moa.events.JsonContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

class MoneyEventsContractTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID WALLET = UUID.fromString("3f6d1c2a-8b7e-4f10-9c3d-2a1b0c9d8e7f");
    private static final UUID MEMBER = UUID.fromString("0b7e3f0c-5a3e-4c7a-9a51-3c2d1e0f9a11");
    private static final UUID OTHER_WALLET = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static final UUID OTHER = UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e");

    @Test
    void walletOpened() {
        JsonContract.assertPinned(new WalletOpened(WALLET, "MEMBER", MEMBER, "KRW", AT), "money/wallet-opened.json");
    }

    @Test
    void transferPosted() {
        JsonContract.assertPinned(new TransferPosted(UUID.fromString("5c4b3a29-1807-4f6e-9d5c-4b3a29180716"),
                WALLET, MEMBER, OTHER_WALLET, OTHER, 50_000, "KRW", "REMITTANCE", null, "dinner", AT),
                "money/transfer-posted.json");
    }
}
