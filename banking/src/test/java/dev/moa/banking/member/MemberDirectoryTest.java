package dev.moa.banking.member;

import dev.moa.banking.Banking;
import dev.moa.events.membership.MemberUpdated;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Banking's copy of member names, kept from membership.events on the real broker. */
@QuarkusTest
class MemberDirectoryTest {

    @Test
    void anOlderUpdateDoesNotOverwriteANewerName() {
        UUID member = Banking.newMember("Kim Minsu");
        Instant now = Instant.now();
        String newer = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        Banking.publish("membership.events", "/moa/membership", new MemberUpdated(member, "a@example.com",
                "Kim Minji", "SEOUL", "ko", now.plusSeconds(60)), newer);
        Banking.publish("membership.events", "/moa/membership", new MemberUpdated(member, "a@example.com",
                "Kim Old", "SEOUL", "ko", now.plusSeconds(30)), older);

        await().atMost(Duration.ofSeconds(30)).until(() -> Banking.count("select count(*) from moa_inbox where "
                + "consumer = 'banking.membership-events' and event_id in (?, ?)", newer, older) == 2);

        assertThat(Banking.text("select name from members where member_id = ?", member)).isEqualTo("Kim Minji");
    }

    @Test
    void anUnreadableMemberEventGoesToTheDeadLetterTopic() {
        String payload = "{\"memberId\":42,\"marker\":\"" + UUID.randomUUID() + "\"}";

        Banking.publishRaw("membership.events", "k", "dev.moa.membership.MemberRegistered", payload,
                UUID.randomUUID().toString());

        var dead = Banking.records("banking.membership-events.dead-letter", Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> r.value().equals(payload)));
        assertThat(dead).extracting(ConsumerRecord::value).contains(payload);
    }
}
