package dev.moa.money.group;

import dev.moa.money.MoneyApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class GroupWalletTest {

    private UUID owner;
    private UUID treasurer;
    private UUID member;
    private UUID outsider;
    private UUID group;

    @BeforeEach
    void group() {
        owner = MoneyApi.newMember();
        treasurer = MoneyApi.newMember();
        member = MoneyApi.newMember();
        outsider = MoneyApi.newMember();
        group = MoneyApi.newGroup(owner);
        MoneyApi.join(group, treasurer, "TREASURER");
        MoneyApi.join(group, member, "MEMBER");
        MoneyApi.fund(member, 20_000);
        MoneyApi.remit(member, "dues-" + UUID.randomUUID(), Map.of("toGroupId", group, "amount", 15_000))
                .then().statusCode(201).body("toKind", equalTo("GROUP"));
    }

    private io.restassured.response.Response payout(UUID by, UUID to, long amount) {
        return given().auth().oauth2(MoneyApi.token(by)).header("Idempotency-Key", "payout-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(Map.of("toMemberId", to, "amount", amount, "memo", "snacks"))
                .when().post("/groups/" + group + "/payouts");
    }

    @Test
    void everyMemberSeesTheGroupLedgerAndOutsidersDoNot() {
        given().auth().oauth2(MoneyApi.token(member)).get("/groups/" + group + "/wallet").then().statusCode(200)
                .body("posted", equalTo(15_000)).body("ownerKind", equalTo("GROUP"));
        given().auth().oauth2(MoneyApi.token(member)).get("/groups/" + group + "/wallet/transactions")
                .then().statusCode(200).body("entries[0].counterpartyId", equalTo(member.toString()));
        given().auth().oauth2(MoneyApi.token(outsider)).get("/groups/" + group + "/wallet")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(MoneyApi.token(outsider)).get("/groups/" + group + "/wallet/transactions")
                .then().statusCode(404);
    }

    @Test
    void treasurerPaysOutToAMemberAndAPlainMemberCannot() {
        payout(treasurer, member, 4_000).then().statusCode(201).body("amount", equalTo(4_000));
        payout(member, member, 1_000).then().statusCode(403).contentType("application/problem+json");
        payout(outsider, outsider, 1_000).then().statusCode(404);
        payout(owner, outsider, 1_000).then().statusCode(422);
        payout(owner, member, 1_000_000).then().statusCode(422)
                .body("type", equalTo("https://moa.dev/problems/insufficient-funds"));

        assertThat(MoneyApi.balanceOf(group)).isEqualTo(11_000);
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(20_000 - 15_000 + 4_000);
        assertThat(MoneyApi.balanceOf(outsider)).isZero();
    }
}
