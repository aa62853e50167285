package dev.moa.payment.subscription;

import dev.moa.payment.PaymentApi;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.moa.payment.PaymentApi.as;
import static org.awaitility.Awaitility.await;

/** Plans, subscriptions and the renewal job as the tests drive them. */
final class Subs {

    record Charge(int index, LocalDate start, LocalDate end, long amount, String status, int attempts) {
    }

    private Subs() {
    }

    static UUID plan(UUID seller, long price, String period, int trialDays) {
        String id = as(seller, "MEMBER", "SELLER").contentType(ContentType.JSON)
                .body(Map.of("name", "Prints of the month", "description", "A print a period", "price", price,
                        "period", period, "trialDays", trialDays))
                .post("/plans").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static Response subscribe(UUID member, UUID plan, String key) {
        return as(member).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("planId", plan.toString())).post("/subscriptions");
    }

    static UUID subscribe(UUID member, UUID plan) {
        String id = subscribe(member, plan, "key-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static Renewals.Run run(Instant now) {
        Renewals renewals = Arc.container().instance(Renewals.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> renewals.runOnce(now));
        } catch (Throwable e) {
            throw new IllegalStateException("renewals at " + now + " failed", e);
        }
    }

    static List<Charge> charges(UUID subscription) {
        List<Charge> charges = new ArrayList<>();
        try (var connection = PaymentApi.connect(); var query = connection.prepareStatement("""
                select period_index, (period_start at time zone 'Asia/Seoul')::date,
                       (period_end at time zone 'Asia/Seoul')::date, amount, status, attempts
                from subscription_charges where subscription_id = ? order by period_index""")) {
            query.setObject(1, subscription);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    charges.add(new Charge(rows.getInt(1), rows.getObject(2, LocalDate.class),
                            rows.getObject(3, LocalDate.class), rows.getLong(4), rows.getString(5), rows.getInt(6)));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return charges;
    }

    /** Waits until no charge of {@code subscription} waits for money's answer. */
    static void awaitAnswered(UUID subscription) {
        await().atMost(Duration.ofSeconds(30)).until(() -> charges(subscription).stream()
                .noneMatch(charge -> "PENDING".equals(charge.status())));
    }

    static String status(UUID subscription) {
        return PaymentApi.text("select status from subscriptions where id = ?", subscription);
    }

    static long events(String type, UUID subject) {
        return PaymentApi.outboxed("payment.events", "dev.moa.payment." + type, subject);
    }

    static long transfersAsked(UUID subscription) {
        return PaymentApi.count("select count(*) from moa_outbox where topic = 'money.commands' "
                + "and payload->>'reference' like ?", "subscription:" + subscription + ":%");
    }
}
