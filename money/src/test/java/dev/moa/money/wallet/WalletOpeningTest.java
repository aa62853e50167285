package dev.moa.money.wallet;

import dev.moa.events.membership.MemberRegistered;
import dev.moa.money.MoneyApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class WalletOpeningTest {

    @Test
    void memberRegisteredOpensOneEmptyWalletEvenWhenRedelivered() {
        UUID memberId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        MemberRegistered registered = new MemberRegistered(memberId, "w-" + memberId + "@example.com", "W", "BUSAN",
                "ko", Instant.now());
        MoneyApi.publish(registered, eventId);
        MoneyApi.publish(registered, eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> MoneyApi.walletOf(memberId) != null);
        given().auth().oauth2(MoneyApi.token(memberId)).when().get("/wallets/me")
                .then().statusCode(200)
                .body("posted", equalTo(0)).body("pending", equalTo(0)).body("available", equalTo(0))
                .body("currency", equalTo("KRW")).body("ownerKind", equalTo("MEMBER"));

        String accountId = MoneyApi.walletOf(memberId).toString();
        var events = MoneyApi.moneyEvents(Duration.ofSeconds(20), records -> records.stream()
                .anyMatch(r -> accountId.equals(r.key())));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> MoneyApi.count("select count(*) from accounts where owner_id = ?", memberId) == 1);
        assertThat(events.stream().filter(r -> accountId.equals(r.key()))
                .map(r -> MoneyApi.header(r, "ce_type"))).containsExactly("dev.moa.money.WalletOpened");
    }

    @Test
    void aMemberWithoutAWalletYetIsToldSo() {
        given().auth().oauth2(MoneyApi.token(UUID.randomUUID())).when().get("/wallets/me")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/wallet-not-open"));
    }
}
