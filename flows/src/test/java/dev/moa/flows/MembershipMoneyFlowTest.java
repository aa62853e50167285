package dev.moa.flows;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * membership and money as separate processes: what a member does at membership reaches money only through
 * {@code membership.events}, and money then serves the member with membership's token.
 */
@ExtendWith(RunningPlatform.Extension.class)
class MembershipMoneyFlowTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(30);

    private static RunningPlatform platform;

    @BeforeAll
    static void platform(RunningPlatform running) {
        platform = running;
    }

    @Test
    void signingUpOpensAnEmptyWalletInMoney() {
        AppUser member = AppUser.signUp(platform, "김지우");

        Response wallet = await().atMost(EVENTUAL).until(() -> member.at("money").get("/wallets/me"),
                response -> response.statusCode() == 200);

        assertThat(wallet.jsonPath().getLong("posted")).isZero();
        assertThat(wallet.jsonPath().getLong("available")).isZero();
        assertThat(wallet.jsonPath().getString("currency")).isEqualTo("KRW");
    }

    @Test
    void aGroupCreatedAtMembershipHasAWalletOnlyItsMembersSee() {
        AppUser owner = AppUser.signUp(platform, "박서연");
        AppUser outsider = AppUser.signUp(platform, "이도윤");
        String groupId = owner.at("membership").body(Map.of("name", "Sunday painters"))
                .post("/groups").then().statusCode(201).extract().path("id");

        await().atMost(EVENTUAL).until(() -> owner.at("money").get("/groups/" + groupId + "/wallet").statusCode(),
                status -> status == 200);
        await().atMost(EVENTUAL).until(() -> outsider.at("money").get("/wallets/me").statusCode(),
                status -> status == 200);

        assertThat(outsider.at("money").get("/groups/" + groupId + "/wallet").statusCode()).isIn(403, 404);
    }

    @Test
    void aRemittanceByEmailFindsTheRecipientMoneyLearntFromMembership() {
        AppUser sender = AppUser.signUp(platform, "최하은");
        AppUser recipient = AppUser.signUp(platform, "정민준");
        await().atMost(EVENTUAL).until(() -> recipient.at("money").get("/wallets/me").statusCode(), s -> s == 200);
        await().atMost(EVENTUAL).until(() -> sender.at("money").get("/wallets/me").statusCode(), s -> s == 200);

        Response remittance = sender.at("money").header("Idempotency-Key", "flow-" + UUID.randomUUID())
                .body(Map.of("toEmail", recipient.email(), "amount", 1_000, "memo", "lunch"))
                .post("/remittances");

        // The recipient is known (an unknown one would be 404/422 recipient-not-found); the sender has no money yet.
        assertThat(remittance.statusCode()).isEqualTo(422);
        assertThat(remittance.contentType()).startsWith("application/problem+json");
        assertThat(remittance.jsonPath().getString("type")).endsWith("insufficient-funds");
    }
}
