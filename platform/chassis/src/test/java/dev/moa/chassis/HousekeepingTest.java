package dev.moa.chassis;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class HousekeepingTest {

    private static void execute(String sql, Object... parameters) throws Exception {
        try (Connection connection = ChassisStack.stack().postgres().connect("moa_chassis");
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    @Test
    void purgesOnlyWhatIsPastItsRetention() throws Exception {
        String owner = "housekeeping-" + UUID.randomUUID();
        execute("insert into moa_idempotency (owner, idem_key, request_hash, created_at) "
                + "values (?, 'old-key-0001', 'h', now() - interval '3 days')", owner);
        execute("insert into moa_idempotency (owner, idem_key, request_hash, created_at) "
                + "values (?, 'day-old-key', 'h', now() - interval '23 hours')", owner);
        execute("insert into moa_inbox (consumer, event_id, processed_at) values (?, 'old', now() - interval '40 days')",
                owner);
        execute("insert into moa_inbox (consumer, event_id) values (?, 'fresh')", owner);
        // Outbox rows: one published four days ago, written before everything else (its seq is the lowest), and one
        // published now. The retention is three days.
        long oldSeq = -1_000_000_000_000L - ThreadLocalRandom.current().nextLong(1_000_000_000L);
        execute("insert into moa_outbox (seq, event_id, topic, event_type, subject, payload, occurred_at, published_at) "
                + "overriding system value values (?, gen_random_uuid(), 'housekeeping', 't', ?, '{}', "
                + "now() - interval '4 days', now() - interval '4 days')", oldSeq, owner);
        execute("insert into moa_outbox (event_id, topic, event_type, subject, payload, published_at) "
                + "values (gen_random_uuid(), 'housekeeping', 't', ?, '{}', now())", owner);

        await().atMost(Duration.ofSeconds(20)).until(() -> ChassisStack.queryLong(
                "select count(*) from moa_idempotency where owner = ? and idem_key = 'old-key-0001'", owner) == 0
                && ChassisStack.queryLong(
                "select count(*) from moa_inbox where consumer = ? and event_id = 'old'", owner) == 0
                && ChassisStack.queryLong("select count(*) from moa_outbox where seq = ?", oldSeq) == 0);

        // A key younger than 24 hours always stays, whatever the configured retention.
        assertThat(ChassisStack.queryLong("select count(*) from moa_idempotency where owner = ?", owner)).isEqualTo(1);
        assertThat(ChassisStack.queryLong("select count(*) from moa_inbox where consumer = ?", owner)).isEqualTo(1);
        assertThat(ChassisStack.queryLong("select count(*) from moa_outbox where subject = ?", owner)).isEqualTo(1);
    }
}
