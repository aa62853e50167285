package dev.moa.auction.bid;

import dev.moa.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static dev.moa.auction.AuctionApi.bid;
import static dev.moa.auction.AuctionApi.bidLog;
import static dev.moa.auction.AuctionApi.lot;
import static dev.moa.auction.AuctionApi.lotWithBidders;
import static dev.moa.auction.AuctionApi.proxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Many bidders at once on one lot, over HTTP, against the real Redis, Kafka and PostgreSQL: every accepted bid gets
 * the next number of a gapless sequence, prices only rise (no two bids share one), the final price is the highest
 * accepted, and the PostgreSQL bid log holds exactly the accepted bids. Some proxy bids come from the leader: those
 * raise the leader's maximum and are no bids (no sequence number, no price of their own); they are logged apart,
 * exactly once each.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class HotLotConcurrencyTest {

    private static final int BIDDERS = 24;
    private static final int ATTEMPTS_EACH = 25;

    /** A 201 answer; {@code raised} for a raise of the leader's own maximum (then {@code seq} is the bid before it). */
    record Accepted(long seq, UUID bidder, long price, String kind, String status, Long maximum, boolean raised) {

        static Accepted of(Response answer, UUID bidder, String kind) {
            String maximum = answer.jsonPath().getString("yourMaximum");
            return new Accepted(answer.jsonPath().getLong("seq"), bidder, answer.jsonPath().getLong("price"), kind,
                    answer.jsonPath().getString("status"), maximum == null ? null : Long.valueOf(maximum),
                    answer.jsonPath().getBoolean("maximumRaised"));
        }
    }

    @Test
    void manyBiddersAtOnceGetGaplessSequencesRisingPricesAndAnExactBidLog() throws Exception {
        UUID seller = UUID.randomUUID();
        UUID[] bidders = new UUID[BIDDERS];
        for (int i = 0; i < BIDDERS; i++) {
            bidders[i] = UUID.randomUUID();
        }
        UUID lot = lotWithBidders(seller, Duration.ofMinutes(5), Map.of(), 1_000_000_000L, bidders);

        ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        AtomicLong minimum = new AtomicLong(10_000);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(BIDDERS);
        List<Future<?>> runs = new ArrayList<>();
        for (UUID bidder : bidders) {
            runs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < ATTEMPTS_EACH; i++) {
                    long amount = minimum.get() + 1_000L * ThreadLocalRandom.current().nextInt(3);
                    boolean asProxy = ThreadLocalRandom.current().nextInt(4) == 0;
                    Response answer = asProxy ? proxy(bidder, lot, amount + 5_000) : bid(bidder, lot, amount);
                    if (answer.statusCode() == 201) {
                        accepted.add(Accepted.of(answer, bidder, asProxy ? "PROXY" : "MANUAL"));
                        minimum.accumulateAndGet(answer.jsonPath().getLong("minimumNextBid"), Math::max);
                    } else {
                        assertThat(answer.statusCode()).as(answer.asString()).isIn(409, 422);
                        assertThat(answer.contentType()).startsWith("application/problem+json");
                        refused.incrementAndGet();
                        String next = answer.header("Moa-Minimum-Bid");
                        if (next != null) {
                            minimum.accumulateAndGet(Long.parseLong(next), Math::max);
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertThat(accepted.size() + refused.get()).isEqualTo((long) BIDDERS * ATTEMPTS_EACH);

        List<Accepted> bySeq = accepted.stream().filter(answer -> !answer.raised())
                .sorted(Comparator.comparingLong(Accepted::seq)).toList();
        assertThat(bySeq).isNotEmpty();
        assertThat(bySeq).extracting(Accepted::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, bySeq.size()).boxed().toList());
        for (int i = 1; i < bySeq.size(); i++) {
            assertThat(bySeq.get(i).price()).as("price after bid %d", bySeq.get(i).seq())
                    .isGreaterThan(bySeq.get(i - 1).price());
        }
        UUID[] leaderAfter = leadersAfterEachBid(bySeq);

        // The leader raises their maximum once more after the load, so that the case is there however the load went.
        long last = bySeq.size();
        long highest = bySeq.get(bySeq.size() - 1).price();
        Response ownRaise = proxy(leaderAfter[(int) last], lot, highest + 1_000_000);
        ownRaise.then().statusCode(201);
        accepted.add(Accepted.of(ownRaise, leaderAfter[(int) last], "PROXY"));
        List<Accepted> raises = accepted.stream().filter(Accepted::raised).toList();
        assertThat(raises).contains(new Accepted(last, leaderAfter[(int) last], highest, "PROXY", "LEADING",
                highest + 1_000_000, true));
        for (Accepted raise : raises) {
            assertThat(raise.kind()).as("a raise after bid %d", raise.seq()).isEqualTo("PROXY");
            assertThat(raise.status()).as("a raise after bid %d", raise.seq()).isEqualTo("LEADING");
            assertThat(raise.bidder()).as("a raise after bid %d", raise.seq())
                    .isEqualTo(leaderAfter[(int) raise.seq()]);
            assertThat(raise.price()).as("price at a raise after bid %d", raise.seq())
                    .isEqualTo(bySeq.get((int) raise.seq() - 1).price());
        }

        assertThat(((Number) lot(lot, seller).path("currentPrice")).longValue()).isEqualTo(highest);
        assertThat(((Number) lot(lot, seller).path("bidCount")).longValue()).isEqualTo(bySeq.size());
        assertBidLogHoldsTheBids(lot, bySeq);
        assertRaisesLoggedOnce(lot, raises);
    }

    /** Who led after each bid (index = seq), replaying the answers in sequence order. */
    private static UUID[] leadersAfterEachBid(List<Accepted> bySeq) {
        UUID[] leaderAfter = new UUID[bySeq.size() + 1];
        for (Accepted bid : bySeq) {
            leaderAfter[(int) bid.seq()] = "LEADING".equals(bid.status()) ? bid.bidder()
                    : leaderAfter[(int) bid.seq() - 1];
        }
        return leaderAfter;
    }

    private static void assertBidLogHoldsTheBids(UUID lot, List<Accepted> bySeq) {
        await().atMost(Duration.ofSeconds(60)).until(() -> bidLog(lot).size() >= bySeq.size());
        List<Map<String, Object>> log = bidLog(lot);
        assertThat(log).hasSize(bySeq.size());
        for (int i = 0; i < log.size(); i++) {
            Map<String, Object> row = log.get(i);
            Accepted bid = bySeq.get(i);
            assertThat(row.get("seq")).isEqualTo(bid.seq());
            assertThat(row.get("bidder_id")).isEqualTo(bid.bidder());
            assertThat(row.get("price")).isEqualTo(bid.price());
            assertThat(row.get("kind")).isEqualTo(bid.kind());
        }
    }

    private static void assertRaisesLoggedOnce(UUID lot, List<Accepted> raises) {
        await().atMost(Duration.ofSeconds(60)).until(() -> MaximumRaiseTest.raisesLogged(lot).size() >= raises.size());
        assertThat(MaximumRaiseTest.raisesLogged(lot))
                .extracting(row -> row.get("bidder_id"), row -> row.get("after_seq"), row -> row.get("maximum"))
                .containsExactlyInAnyOrderElementsOf(raises.stream()
                        .map(raise -> tuple(raise.bidder(), raise.seq(), raise.maximum())).toList());
    }
}
