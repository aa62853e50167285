package dev.moa.money.report;

import dev.moa.money.MoneyApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The read models, fed from money.events through the real broker. Every expectation is about this test's own
 * members, regions and groups (the database is shared by every test of the run).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelsTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @Test
    void moneyByRegionFollowsRemittancesBetweenRegions() {
        String north = ReportApi.region();
        String south = ReportApi.region();
        UUID a1 = MoneyApi.newMember(north);
        UUID a2 = MoneyApi.newMember(north);
        UUID b1 = MoneyApi.newMember(south);

        ReportApi.topUp(a1, 100_000);
        ReportApi.topUp(b1, 40_000);
        ReportApi.remit(a1, "toMemberId", b1, 30_000);
        ReportApi.remit(b1, "toMemberId", a2, 5_000);
        ReportApi.remit(a1, "toMemberId", a2, 1_000);

        await().atMost(CATCH_UP).until(() -> ReportApi.held(north) == 75_000 && ReportApi.held(south) == 65_000);
    }

    @Test
    void groupMonthlyReportShowsIncomeByMemberAndSpendingByMemo() {
        UUID owner = MoneyApi.newMember();
        UUID treasurer = MoneyApi.newMember();
        UUID m1 = MoneyApi.newMember();
        UUID m2 = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        MoneyApi.join(group, treasurer, "TREASURER");
        MoneyApi.join(group, m1, "MEMBER");
        MoneyApi.join(group, m2, "MEMBER");
        MoneyApi.fund(m1, 20_000);
        MoneyApi.fund(m2, 10_000);

        ReportApi.remit(m1, "toGroupId", group, 15_000);
        ReportApi.remit(m2, "toGroupId", group, 5_000);
        ReportApi.remit(m1, "toGroupId", group, 2_000);
        ReportApi.payout(treasurer, group, m1, 3_000, "snacks");
        ReportApi.payout(treasurer, group, m2, 1_000, "snacks");
        ReportApi.payout(owner, group, m2, 4_000, "bus");
        ReportApi.payout(treasurer, group, m1, 500, null);

        String period = ReportApi.thisMonth();
        await().atMost(CATCH_UP).until(() -> {
            JsonPath report = ReportApi.groupReport(m2, group, period);
            return report.getLong("totalIncome") == 22_000 && report.getLong("totalSpending") == 8_500;
        });
        JsonPath report = ReportApi.groupReport(m2, group, period);
        assertThat(report.getString("groupId")).isEqualTo(group.toString());
        assertThat(report.getString("period")).isEqualTo(period);
        assertThat(report.getList("incomeByMember", Map.class))
                .extracting(row -> row.get("memberId"), row -> ((Number) row.get("amount")).longValue())
                .containsExactlyInAnyOrder(tuple(m1.toString(), 17_000L),
                        tuple(m2.toString(), 5_000L));
        assertThat(report.getList("spendingByMemo", Map.class))
                .extracting(row -> row.get("memo"), row -> ((Number) row.get("amount")).longValue())
                .containsExactlyInAnyOrder(tuple("snacks", 4_000L),
                        tuple("bus", 4_000L),
                        tuple("", 500L));
    }

    @Test
    void aMemberCannotReadTheAdminReports() {
        String member = MoneyApi.token(MoneyApi.newMember());
        given().auth().oauth2(member).get("/reports/money-by-region").then().statusCode(403);
        given().auth().oauth2(member).get("/reports/platform-totals").then().statusCode(403);
        given().auth().oauth2(member).post("/admin/reports/rebuild").then().statusCode(403);
        given().get("/reports/money-by-region").then().statusCode(401);
    }

    @Test
    void anAdminReadsPlatformTotals() {
        UUID member = MoneyApi.newMember();
        ReportApi.topUp(member, 1_000);
        await().atMost(CATCH_UP).untilAsserted(() -> given().auth().oauth2(MoneyApi.adminToken())
                .get("/reports/platform-totals").then().statusCode(200)
                .body("kinds.find { it.kind == 'TOP_UP' }.count", greaterThanOrEqualTo(1)));
    }

    @Test
    void anOutsiderDoesNotSeeTheGroupReport() {
        UUID owner = MoneyApi.newMember();
        UUID outsider = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        given().auth().oauth2(MoneyApi.token(outsider)).get("/groups/" + group + "/reports/" + ReportApi.thisMonth())
                .then().statusCode(404).contentType("application/problem+json");
        ReportApi.groupReport(owner, group, ReportApi.thisMonth());
    }

    @Test
    void aBadPeriodIsABadRequest() {
        UUID owner = MoneyApi.newMember();
        UUID group = MoneyApi.newGroup(owner);
        for (String period : List.of("2026-13", "2026-00", "2026-1", "march", "2026-03-01")) {
            given().auth().oauth2(MoneyApi.token(owner)).get("/groups/" + group + "/reports/" + period)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void aRedeliveredTransferPostedChangesNothing() {
        String north = ReportApi.region();
        String south = ReportApi.region();
        ConsumerRecord<String, String> original = posted(threeThousandApplied(north, south).transferId());
        RecordMetadata copy = ReportApi.republish("money.events", original.key(), original.value(),
                original.headers());
        TopicPartition partition = new TopicPartition(copy.topic(), copy.partition());
        await().atMost(CATCH_UP).until(() -> ReportApi.committed(partition) > copy.offset());

        assertThat(ReportApi.held(north)).isEqualTo(7_000);
        assertThat(ReportApi.held(south)).isEqualTo(3_000);
    }

    @Test
    void aWalletWhoseMemberHasNoRegionCountsUnderUnknown() throws Exception {
        UUID stranger = UUID.randomUUID();
        try (var connection = MoneyApi.connect(); var insert = connection.prepareStatement(
                "insert into accounts (id, kind, owner_id, currency, no_overdraft, created_at) "
                        + "values (?, 'MEMBER_WALLET', ?, 'KRW', true, now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, stranger);
            insert.executeUpdate();
        }
        long before = ReportApi.held("UNKNOWN");

        ReportApi.topUp(stranger, 1_234);

        await().atMost(CATCH_UP).until(() -> ReportApi.held("UNKNOWN") == before + 1_234);
    }

    @Test
    void anUnreadableTransferPostedGoesToTheDeadLetterTopic() {
        String eventId = UUID.randomUUID().toString();
        ReportApi.republish("money.events", eventId, "{\"transferId\":\"not-a-uuid\"}", List.of(
                new RecordHeader("ce_specversion", bytes("1.0")), new RecordHeader("ce_id", bytes(eventId)),
                new RecordHeader("ce_type", bytes("dev.moa.money.TransferPosted")),
                new RecordHeader("ce_source", bytes("/moa/test")),
                new RecordHeader("content-type", bytes("application/json"))));

        assertThat(ReportApi.deadLetters(CATCH_UP, eventId)).hasSize(1);
    }

    /**
     * Records are applied a polled batch at a time: a poison record among them goes to the dead-letter topic alone,
     * copies of an applied event count once, and the events around them are applied.
     */
    @Test
    void aPoisonRecordAndCopiesAmongOthersHoldNothingBack() {
        String north = ReportApi.region();
        String south = ReportApi.region();
        Remitted remitted = threeThousandApplied(north, south);
        ConsumerRecord<String, String> original = posted(remitted.transferId());
        String poison = UUID.randomUUID().toString();

        ReportApi.republish("money.events", original.key(), original.value(), original.headers());
        ReportApi.republish("money.events", original.key(), "{\"transferId\":\"not-a-uuid\"}", List.of(
                new RecordHeader("ce_specversion", bytes("1.0")), new RecordHeader("ce_id", bytes(poison)),
                new RecordHeader("ce_type", bytes("dev.moa.money.TransferPosted")),
                new RecordHeader("ce_source", bytes("/moa/test"))));
        ReportApi.republish("money.events", original.key(), original.value(), original.headers());
        MoneyApi.remit(remitted.from(), "r-" + UUID.randomUUID(), Map.of("toMemberId", remitted.to(), "amount", 1_000))
                .then().statusCode(201);

        await().atMost(CATCH_UP).until(() -> ReportApi.held(north) == 6_000 && ReportApi.held(south) == 4_000);
        assertThat(ReportApi.deadLetters(CATCH_UP, original.key()))
                .extracting(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .containsExactly(poison);
    }

    /** Last: it empties the projections, which the other tests of this class then wait to be refilled. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aRebuildGivesTheSameNumbers() {
        String north = ReportApi.region();
        String south = ReportApi.region();
        UUID a = MoneyApi.newMember(north);
        UUID b = MoneyApi.newMember(south);
        UUID group = MoneyApi.newGroup(a);
        MoneyApi.join(group, b, "MEMBER");
        ReportApi.topUp(a, 50_000);
        ReportApi.remit(a, "toMemberId", b, 20_000);
        ReportApi.remit(b, "toGroupId", group, 6_000);
        ReportApi.payout(a, group, a, 2_500, "dinner");
        String period = ReportApi.thisMonth();
        await().atMost(CATCH_UP).until(() -> ReportApi.held(north) == 32_500 && ReportApi.held(south) == 14_000
                && ReportApi.groupReport(b, group, period).getLong("totalSpending") == 2_500);
        Map<String, Object> before = ReportApi.groupReport(b, group, period).getMap("$");

        Instant rebuiltAt = Instant.now();
        given().auth().oauth2(MoneyApi.adminToken()).post("/admin/reports/rebuild").then().statusCode(202)
                .body("partitions", greaterThan(0));

        assertThat(MoneyApi.count("select count(*) from moa_inbox where consumer = 'money.projections' "
                + "and processed_at < ?", Timestamp.from(rebuiltAt))).isZero();
        await().atMost(CATCH_UP).until(() -> ReportApi.held(north) == 32_500 && ReportApi.held(south) == 14_000
                && ReportApi.groupReport(b, group, period).getMap("$").equals(before));
        given().auth().oauth2(MoneyApi.adminToken()).get("/reports/money-by-region").then().statusCode(200)
                .body("regions.find { it.region == '" + north + "' }.held", equalTo(32_500));
    }

    @Test
    void theLagIsAMetricAndZeroOnceCaughtUp() {
        UUID member = MoneyApi.newMember();
        ReportApi.topUp(member, 1_000);
        await().atMost(CATCH_UP).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("moa_projection_pending_records 0.0"))
                .body(containsString("moa_projection_lag_seconds 0.0")));
    }

    private record Remitted(String transferId, UUID from, UUID to) {
    }

    /** A member of {@code north} with 10,000 sends 3,000 to a member of {@code south}; once the read models show it. */
    private static Remitted threeThousandApplied(String north, String south) {
        UUID a = MoneyApi.newMember(north);
        UUID b = MoneyApi.newMember(south);
        ReportApi.topUp(a, 10_000);
        String transferId = MoneyApi.remit(a, "r-" + UUID.randomUUID(), Map.of("toMemberId", b, "amount", 3_000))
                .then().statusCode(201).extract().path("transferId");
        await().atMost(CATCH_UP).until(() -> ReportApi.held(north) == 7_000 && ReportApi.held(south) == 3_000);
        return new Remitted(transferId, a, b);
    }

    private static ConsumerRecord<String, String> posted(String transferId) {
        List<ConsumerRecord<String, String>> records = MoneyApi.moneyEvents(CATCH_UP, found -> found.stream()
                .anyMatch(record -> isPosted(record, transferId)));
        return records.stream().filter(record -> isPosted(record, transferId)).findFirst().orElseThrow();
    }

    private static boolean isPosted(ConsumerRecord<String, String> record, String transferId) {
        return "dev.moa.money.TransferPosted".equals(MoneyApi.header(record, "ce_type"))
                && record.value().contains(transferId);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
