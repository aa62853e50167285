package dev.moa.money.dues;

import dev.moa.events.EventJson;
import dev.moa.money.MoneyApi;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Drives dues as a client and as the scheduler do, and reads what happened. */
final class Dues {

    private Dues() {
    }

    /** One run of the collection job as it would run on {@code today}, on a Vert.x context of its own. */
    static DuesCollection.Run collect(LocalDate today) {
        DuesCollection collection = Arc.container().instance(DuesCollection.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> collection.collect(today));
        } catch (Throwable e) {
            throw new IllegalStateException("dues collection for " + today + " failed", e);
        }
    }

    /** One run of the reminder job as it would run on {@code today}; how many reminders it sent. */
    static int remind(LocalDate today) {
        DuesReminders reminders = Arc.container().instance(DuesReminders.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> reminders.remind(today));
        } catch (Throwable e) {
            throw new IllegalStateException("dues reminders for " + today + " failed", e);
        }
    }

    static Response setPlan(UUID by, UUID group, Object body) {
        return given().auth().oauth2(MoneyApi.token(by)).contentType(ContentType.JSON).body(body)
                .when().put("/groups/" + group + "/dues-plan");
    }

    /** Sets the plan and answers the first due day: the plan's first month on its day. */
    static LocalDate plan(UUID by, UUID group, long amount, int dayOfMonth) {
        String first = setPlan(by, group, Map.of("amount", amount, "dayOfMonth", dayOfMonth))
                .then().statusCode(200).extract().path("firstPeriod");
        return YearMonth.parse(first).atDay(dayOfMonth);
    }

    static Response month(UUID by, UUID group, YearMonth period) {
        return month(by, group, period.toString());
    }

    static Response month(UUID by, UUID group, String period) {
        return given().auth().oauth2(MoneyApi.token(by)).when().get("/groups/" + group + "/dues/" + period);
    }

    static String status(UUID group, UUID member, YearMonth period) {
        try (var connection = MoneyApi.connect(); var query = connection.prepareStatement(
                "select status from dues_charges where group_id = ? and member_id = ? and period = ?")) {
            query.setObject(1, group);
            query.setObject(2, member);
            query.setString(3, period.toString());
            try (var result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long attempts(UUID group, UUID member, YearMonth period) {
        return MoneyApi.count("select attempts from dues_charges where group_id = ? and member_id = ? and period = ?",
                group, member, period.toString());
    }

    static UUID transferId(UUID group, UUID member, YearMonth period) {
        return DuesCharge.transferIdOf(group, member, period.toString());
    }

    /** How many events of {@code type} ("DuesCollected") the outbox holds for this member and month. */
    static long outboxed(String type, UUID group, UUID member, YearMonth period) {
        return MoneyApi.count("select count(*) from moa_outbox where event_type = ? and subject = ? "
                        + "and payload->>'memberId' = ? and payload->>'period' = ?",
                "dev.moa.money." + type, group.toString(), member.toString(), period.toString());
    }

    /** The group's dues events of {@code type} on money.events, once at least {@code expected} have arrived. */
    static List<Map<String, Object>> published(String type, UUID group, int expected) {
        String ceType = "dev.moa.money." + type;
        List<ConsumerRecord<String, String>> records = MoneyApi.moneyEvents(Duration.ofSeconds(30),
                seen -> ofGroup(seen, ceType, group).size() >= expected);
        return ofGroup(records, ceType, group).stream().map(Dues::json).toList();
    }

    private static List<ConsumerRecord<String, String>> ofGroup(List<ConsumerRecord<String, String>> records,
                                                                String ceType, UUID group) {
        return records.stream()
                .filter(r -> ceType.equals(MoneyApi.header(r, "ce_type")) && group.toString().equals(r.key()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readValue(record.value(), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
