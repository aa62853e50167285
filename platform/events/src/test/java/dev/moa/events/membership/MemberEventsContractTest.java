package dev.moa.events.membership;

import dev.moa.events.JsonContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

class MemberEventsContractTest {

    private static final UUID MEMBER = UUID.fromString("0b7e3f0c-5a3e-4c7a-9a51-3c2d1e0f9a11");
    private static final UUID ADMIN = UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e");
    private static final Instant AT = Instant.parse("2026-11-21T09:30:00Z");

    @Test
    void memberRegistered() {
        JsonContract.assertPinned(new MemberRegistered(MEMBER, "minji@example.com", "김민지", "SEOUL", "ko", AT),
                "membership/member-registered.json");
    }

    @Test
    void memberUpdated() {
        JsonContract.assertPinned(new MemberUpdated(MEMBER, "minji@example.com", "Minji Kim", "BUSAN", "en", AT),
                "membership/member-updated.json");
    }

    @Test
    void sellerApproved() {
        JsonContract.assertPinned(new SellerApproved(MEMBER, "Gallery Minji", ADMIN, AT),
                "membership/seller-approved.json");
    }
}
