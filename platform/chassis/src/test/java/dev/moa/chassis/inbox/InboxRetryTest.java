package dev.moa.chassis.inbox;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consumer's handling is retried until applied when the failure is not the record's; a bad record fails at once. */
class InboxRetryTest {

    private static final Duration FAST = Duration.ofMillis(1);

    @Test
    void aFailureThatIsNotTheRecordsIsRetriedUntilTheHandlingSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> handling = Uni.createFrom().item(() -> {
            if (attempts.incrementAndGet() <= 25) {
                throw new IllegalStateException("database unavailable");
            }
            return "applied";
        });

        String result = Inbox.untilApplied("test", handling, FAST, FAST.multipliedBy(4)).await()
                .atMost(Duration.ofSeconds(10));

        assertThat(result).isEqualTo("applied");
        assertThat(attempts).hasValue(26);
    }

    @Test
    void anUnreadableRecordFailsAtOnceForTheDeadLetterTopic() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> handling = Uni.createFrom().item(() -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("not JSON");
        });

        assertThatThrownBy(() -> Inbox.untilApplied("test", handling, FAST, FAST).await()
                .atMost(Duration.ofSeconds(10))).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }
}
