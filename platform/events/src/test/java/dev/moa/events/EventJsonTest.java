package dev.moa.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    /** A stand-in with the field kinds real events use: ids, money in minor units, instants, optional values. */
    record SampleHappened(String sampleId, long amount, Instant at, String memo) implements MoaEvent {
        @Override
        public String eventType() {
            return "dev.moa.sample.SampleHappened";
        }

        @Override
        public String subject() {
            return sampleId;
        }
    }

    @Test
    void pinsTheJsonFormOfARecord() {
        JsonContract.assertPinned(
                new SampleHappened("s-1", 12_500_000_000L, Instant.parse("2026-11-21T09:00:00Z"), "dues"),
                "sample-happened.json");
    }

    @Test
    void contractCatchesARenamedField() {
        record Renamed(String sampleId, long total, Instant at, String memo) {
        }
        assertThatThrownBy(() -> JsonContract.assertPinned(
                new Renamed("s-1", 12_500_000_000L, Instant.parse("2026-11-21T09:00:00Z"), "dues"),
                "sample-happened.json")).isInstanceOf(AssertionError.class);
    }

    @Test
    void leavesOutAbsentValuesAndIgnoresUnknownFields() throws Exception {
        JsonNode json = EventJson.mapper().valueToTree(new SampleHappened("s-2", 1, Instant.EPOCH, null));
        assertThat(json.has("memo")).isFalse();
        assertThat(json.has("eventType")).isFalse();

        SampleHappened read = EventJson.mapper().readValue(
                "{\"sampleId\":\"s-3\",\"amount\":5,\"at\":\"2026-01-01T00:00:00Z\",\"addedLater\":true}",
                SampleHappened.class);
        assertThat(read.amount()).isEqualTo(5);
    }
}
