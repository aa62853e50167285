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
import static org.awaitility.Awaitility.await;

/**
 * Many bidders at once on one lot, over HTTP, against the real Redis, Kafka and PostgreSQL: every accepted bid gets
 * the next number of a gapless sequence, prices only rise, the final price is the highest accepted, and the
 * PostgreSQL bid log holds exactly the accepted bids.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_auction"))
class HotLotConcurrencyTest {

    private static final int BIDDERS = 24;
    private static final int ATTEMPTS_EACH = 25;

    record Accepted(long seq, UUID bidder, long price, String kind, String status) {
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
                        accepted.add(new Accepted(answer.jsonPath().getLong("seq"), bidder,
                                answer.jsonPath().getLong("price"), asProxy ? "PROXY" : "MANUAL",
                                answer.jsonPath().getString("status")));
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

        List<Accepted> bySeq = accepted.stream().sorted(Comparator.comparingLong(Accepted::seq)).toList();
        assertThat(bySeq).isNotEmpty();
        assertThat(bySeq.size() + refused.get()).isEqualTo((long) BIDDERS * ATTEMPTS_EACH);
        assertThat(bySeq).extracting(Accepted::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, bySeq.size()).boxed().toList());
        // Every bid raises the price (so no two of them share one), except a leader's raise of their own hidden
        // maximum: a leader is never raised by their own bid, so that one keeps the price and the lead. Replaying the
        // answers in sequence order tells which bids those were.
        UUID leader = null;
        for (int i = 0; i < bySeq.size(); i++) {
            Accepted bid = bySeq.get(i);
            boolean raisesOwnMaximum = bid.bidder().equals(leader);
            if (raisesOwnMaximum) {
                assertThat(bid.kind()).as("a leader's bid %d", bid.seq()).isEqualTo("PROXY");
                assertThat(bid.status()).as("a leader's bid %d", bid.seq()).isEqualTo("LEADING");
                assertThat(bid.price()).as("price after a leader's bid %d", bid.seq())
                        .isEqualTo(bySeq.get(i - 1).price());
            } else if (i > 0) {
                assertThat(bid.price()).as("price after bid %d", bid.seq()).isGreaterThan(bySeq.get(i - 1).price());
            }
            if ("LEADING".equals(bid.status())) {
                leader = bid.bidder();
            }
        }
        long highest = bySeq.get(bySeq.size() - 1).price();
        assertThat(((Number) lot(lot, seller).path("currentPrice")).longValue()).isEqualTo(highest);
        assertThat(((Number) lot(lot, seller).path("bidCount")).longValue()).isEqualTo(bySeq.size());

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
}
