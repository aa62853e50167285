package dev.moa.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pattern for pinning an event's JSON form: the record as serialized must equal the fixture in
 * {@code src/test/resources/contracts/}, and the fixture must read back into an equal record. A change that breaks
 * consumers then fails here, not in production.
 */
public final class JsonContract {

    private JsonContract() {
    }

    public static <T> void assertPinned(T event, String fixture) {
        JsonNode expected = readFixture(fixture);
        JsonNode actual = serialized(event);
        assertThat(actual).as("JSON form of %s", event.getClass().getSimpleName()).isEqualTo(expected);
        try {
            Object back = EventJson.mapper().treeToValue(expected, event.getClass());
            assertThat(back).as("%s read back from %s", event.getClass().getSimpleName(), fixture).isEqualTo(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The event as written on the wire and parsed back: {@code valueToTree} would keep a {@code long} as a LongNode,
     * which never equals the IntNode that parsing the fixture gives for the same number.
     */
    private static JsonNode serialized(Object event) {
        try {
            return EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readFixture(String fixture) {
        try (InputStream in = JsonContract.class.getResourceAsStream("/contracts/" + fixture)) {
            assertThat(in).as("fixture contracts/%s", fixture).isNotNull();
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
