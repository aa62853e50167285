package dev.moa.events.money;

import dev.moa.events.JsonContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DuesEventsContractTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID GROUP = UUID.fromString("7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f");
    private static final UUID MEMBER = UUID.fromString("0b7e3f0c-5a3e-4c7a-9a51-3c2d1e0f9a11");

    @Test
    void duesCollected() {
        var event = new DuesCollected(GROUP, MEMBER, "2026-11", 30_000,
                UUID.fromString("2c1d0e9f-8a7b-3c6d-9e5f-4a3b2c1d0e9f"), AT);
        JsonContract.assertPinned(event, "money/dues-collected.json");
        assertThat(event.subject()).isEqualTo(GROUP.toString());
        assertThat(event.eventType()).isEqualTo("dev.moa.money.DuesCollected");
    }

    @Test
    void duesDue() {
        var event = new DuesDue(GROUP, MEMBER, "2026-12", 30_000, java.time.LocalDate.parse("2026-12-05"), AT);
        JsonContract.assertPinned(event, "money/dues-due.json");
        assertThat(event.subject()).isEqualTo(GROUP.toString());
        assertThat(event.eventType()).isEqualTo("dev.moa.money.DuesDue");
    }

    @Test
    void duesUnpaid() {
        var event = new DuesUnpaid(GROUP, MEMBER, "2026-11", 30_000, AT);
        JsonContract.assertPinned(event, "money/dues-unpaid.json");
        assertThat(event.subject()).isEqualTo(GROUP.toString());
        assertThat(event.eventType()).isEqualTo("dev.moa.money.DuesUnpaid");
    }
}
