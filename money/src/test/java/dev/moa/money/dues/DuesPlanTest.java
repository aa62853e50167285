package dev.moa.money.dues;

import dev.moa.money.MoneyApi;
import dev.moa.money.ledger.TransferOrder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DuesPlanTest {

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
    }

    @Test
    void ownerAndTreasurerSetThePlanAndEveryMemberSeesIt() {
        Dues.setPlan(owner, group, Map.of("amount", 30_000, "dayOfMonth", 25)).then().statusCode(200)
                .body("amount", equalTo(30_000)).body("dayOfMonth", equalTo(25))
                .body("updatedBy", equalTo(owner.toString()));
        Dues.setPlan(treasurer, group, Map.of("amount", 20_000, "dayOfMonth", 10)).then().statusCode(200)
                .body("amount", equalTo(20_000)).body("dayOfMonth", equalTo(10));

        given().auth().oauth2(MoneyApi.token(member)).get("/groups/" + group + "/dues-plan").then().statusCode(200)
                .body("amount", equalTo(20_000)).body("dayOfMonth", equalTo(10))
                .body("updatedBy", equalTo(treasurer.toString()));
    }

    @Test
    void aNewPlanStartsWithTheFirstDueDayFromToday() {
        LocalDate today = LocalDate.now(SeoulClock.ZONE);
        int day = Math.min(today.getDayOfMonth(), 28);
        YearMonth expected = today.getDayOfMonth() <= day ? YearMonth.from(today) : YearMonth.from(today).plusMonths(1);

        Dues.setPlan(owner, group, Map.of("amount", 5_000, "dayOfMonth", day)).then().statusCode(200)
                .body("firstPeriod", equalTo(expected.toString()));
    }

    @Test
    void aPlainMemberMayNotSetThePlanAndAnOutsiderSeesNothing() {
        Dues.setPlan(owner, group, Map.of("amount", 30_000, "dayOfMonth", 25)).then().statusCode(200);

        Dues.setPlan(member, group, Map.of("amount", 1, "dayOfMonth", 1)).then().statusCode(403)
                .contentType("application/problem+json");
        Dues.setPlan(outsider, group, Map.of("amount", 1, "dayOfMonth", 1)).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(MoneyApi.token(outsider)).get("/groups/" + group + "/dues-plan").then().statusCode(404);
        Dues.month(outsider, group, YearMonth.now(SeoulClock.ZONE)).then().statusCode(404);

        assertThat(MoneyApi.count("select amount from dues_plans where group_id = ?", group)).isEqualTo(30_000);
    }

    @Test
    void aGroupWithoutAPlanAnswers404() {
        given().auth().oauth2(MoneyApi.token(member)).get("/groups/" + group + "/dues-plan").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        Dues.setPlan(owner, group, Map.of("amount", 30_000, "dayOfMonth", 25)).then().statusCode(200);
        List<Object> bodies = List.of(
                Map.of("amount", 0, "dayOfMonth", 5),
                Map.of("amount", -1, "dayOfMonth", 5),
                Map.of("amount", Long.MAX_VALUE, "dayOfMonth", 5),
                Map.of("amount", TransferOrder.MAX_AMOUNT + 1, "dayOfMonth", 5),
                Map.of("amount", 1_000, "dayOfMonth", 0),
                Map.of("amount", 1_000, "dayOfMonth", 29),
                Map.of("amount", 1_000),
                Map.of("dayOfMonth", 5),
                "{\"amount\": 1000, \"dayOfMonth\": ",
                "{\"amount\": \"lots\", \"dayOfMonth\": 5}",
                "{\"amount\": 99999999999999999999999, \"dayOfMonth\": 5}");
        for (Object body : bodies) {
            Dues.setPlan(owner, group, body).then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(MoneyApi.token(owner)).contentType(ContentType.JSON)
                .put("/groups/" + group + "/dues-plan").then().statusCode(400);

        assertThat(MoneyApi.count("select amount from dues_plans where group_id = ?", group)).isEqualTo(30_000);
        assertThat(MoneyApi.count("select day_of_month from dues_plans where group_id = ?", group)).isEqualTo(25);
    }

    @Test
    void aMalformedPeriodIs400() {
        Dues.setPlan(owner, group, Map.of("amount", 30_000, "dayOfMonth", 25)).then().statusCode(200);
        for (String period : List.of("2026-13", "2026-00", "2026-1", "26-11", "2026_11", "november", "2026-11-01")) {
            Dues.month(member, group, period).then().statusCode(400).contentType("application/problem+json");
        }
        Dues.month(member, group, "2026-11").then().statusCode(200).body("period", equalTo("2026-11"));
    }
}
