package dev.moa.money.remittance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moa.events.EventJson;
import dev.moa.events.money.TransferPosted;
import dev.moa.money.MoneyApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code moa_remit} writes the remittance's answer and its {@code TransferPosted} event as JSON in the database; both
 * must read back into the Java records with the values of the transfer that was posted, as the records' own JSON would.
 */
@QuarkusTest
class RemittanceJsonTest {

    @Inject
    ObjectMapper rest;

    @Test
    void answerAndEventWrittenByTheDatabaseReadBackAsTheirRecords() throws Exception {
        UUID alice = MoneyApi.newMember();
        UUID bob = MoneyApi.newMember();
        MoneyApi.fund(alice, 50_000);

        Response response = MoneyApi.remit(alice, "json-" + UUID.randomUUID(),
                Map.of("toMemberId", bob, "amount", 12_345, "memo", "그림 값 \"half\""));
        response.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/wallets/me/transactions"));
        RemittanceService.Remitted answer = rest.readValue(response.asString(), RemittanceService.Remitted.class);

        try (Connection connection = MoneyApi.connect();
             PreparedStatement query = connection.prepareStatement("select t.created_at, o.payload::text "
                     + "from transfers t join moa_outbox o on o.subject = t.id::text "
                     + "and o.event_type = 'dev.moa.money.TransferPosted' where t.id = ?")) {
            query.setObject(1, answer.transferId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the transfer and its one event").isTrue();
                Instant createdAt = row.getTimestamp(1).toInstant();
                TransferPosted event = EventJson.mapper().readValue(row.getString(2), TransferPosted.class);

                assertThat(answer).isEqualTo(new RemittanceService.Remitted(answer.transferId(), MoneyApi.walletOf(bob),
                        "MEMBER", bob, 12_345, "그림 값 \"half\"", createdAt));
                assertThat(event).isEqualTo(new TransferPosted(answer.transferId(), MoneyApi.walletOf(alice), alice,
                        MoneyApi.walletOf(bob), bob, 12_345, "KRW", "REMITTANCE", null, "그림 값 \"half\"", createdAt));
                assertThat(row.next()).as("one event per transfer").isFalse();
            }
        }
    }
}
