package dev.moa.flows;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * auction-bidding dies (SIGKILL) while several bidders bid on one lot over HTTP, and is started again: bidding goes
 * on, and afterwards every bid answered 201 is in the PostgreSQL bid log exactly once, with the sequence, bidder,
 * amount and price it was answered with, the sequences are gapless, and the lot closes SOLD to the last bidder at the
 * highest bid (as payment, which acts on LotClosed, confirms). A bid the crash left unanswered is retried with its
 * {@code Idempotency-Key} until it is answered, so each bid ends with a definite answer.
 */
@ExtendWith(RunningPlatform.Extension.class)
class AuctionRestartFlowTest {

    private static final System.Logger LOG = System.getLogger(AuctionRestartFlowTest.class.getName());

    private static final int BIDDERS = 5;
    private static final long START_PRICE = 10_000;
    private static final long LIMIT = 400_000;
    /** Accepted bids before the kill, and again after the restart. */
    private static final int ACCEPTED_EACH_SIDE = 12;
    /** How long the log may lag: a relay killed with bids in hand leaves them to another after its claim-after. */
    private static final Duration LOG_CATCH_UP = Duration.ofSeconds(90);

    private static RunningPlatform platform;

    @BeforeAll
    static void platform(RunningPlatform running) {
        platform = running;
    }

    @Test
    void auctionBiddingKilledMidBiddingLosesNoAcceptedBid() throws Exception {
        AppUser seller = FlowMembers.approvedSeller(platform, "Yoon Gallery");
        List<AppUser> people = fundedBidders();
        String lotId = listLot(seller);
        people.forEach(person -> register(person, lotId));
        await().atMost(AppUser.EVENTUAL).until(() -> seller.at("auction-bidding").get("/lots/" + lotId)
                .jsonPath().getString("status"), "OPEN"::equals);

        List<LiveBidder> bidders = bidThroughARestart(people, lotId);

        List<LiveBidder.Answer> answers = bidders.stream().flatMap(b -> b.answers().stream()).toList();
        assertThat(answers).as("answers other than accepted, too low, or already leading")
                .filteredOn(answer -> !expected(answer)).isEmpty();
        Map<Long, LiveBidder.Answer> accepted = acceptedBySeq(answers);
        LOG.log(System.Logger.Level.INFO, String.format(
                "restart flow: %d bids, %d accepted, %d unanswered at first (%d of them accepted)",
                answers.size(), accepted.size(), answers.stream().filter(LiveBidder.Answer::unreachable).count(),
                answers.stream().filter(a -> a.unreachable() && a.status() == 201).count()));
        assertLogHoldsExactly(accepted, people, lotId);
        assertRetriesGetTheFirstAnswer(accepted, bidders);
        assertClosedToTheHighestBid(accepted, people, lotId);
    }

    /**
     * Bidders bid until {@value #ACCEPTED_EACH_SIDE} bids are accepted; the service is killed and restarted; they go
     * on until as many more are accepted.
     */
    private static List<LiveBidder> bidThroughARestart(List<AppUser> people, String lotId) throws Exception {
        AtomicLong minimumNext = new AtomicLong(START_PRICE);
        AtomicBoolean stop = new AtomicBoolean();
        List<LiveBidder> bidders = people.stream().map(p -> new LiveBidder(p, lotId, minimumNext, stop)).toList();
        ExecutorService threads = Executors.newFixedThreadPool(bidders.size());
        try {
            List<CompletableFuture<Void>> running = bidders.stream()
                    .map(bidder -> CompletableFuture.runAsync(bidder, threads)).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> acceptedCount(bidders) >= ACCEPTED_EACH_SIDE);

            platform.crashAndRestart("auction-bidding");
            long afterRestart = acceptedCount(bidders);
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> acceptedCount(bidders) >= afterRestart + ACCEPTED_EACH_SIDE);
            stop.set(true);
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
        return bidders;
    }

    /** The accepted bids by sequence: one answer per sequence, and sequences 1..n without a gap. */
    private static Map<Long, LiveBidder.Answer> acceptedBySeq(List<LiveBidder.Answer> answers) {
        Map<Long, LiveBidder.Answer> accepted = new TreeMap<>();
        for (LiveBidder.Answer answer : answers) {
            if (answer.status() == 201) {
                assertThat(accepted.put(answer.seq(), answer)).as("two accepted bids with seq %d", answer.seq())
                        .isNull();
                // Manual bids only: an accepted bid leads at its own amount.
                assertThat(answer.price()).isEqualTo(answer.amount());
            }
        }
        assertThat(accepted.keySet()).containsExactlyElementsOf(
                LongStream.rangeClosed(1, accepted.size()).boxed().toList());
        assertThat(accepted.size()).isGreaterThanOrEqualTo(2 * ACCEPTED_EACH_SIDE);
        long previous = 0;
        for (LiveBidder.Answer answer : accepted.values()) {
            assertThat(answer.price()).as("price of bid %d", answer.seq()).isGreaterThan(previous);
            previous = answer.price();
        }
        return accepted;
    }

    /** The bid log, read through the history API by each bidder (who sees their own amounts), equals the answers. */
    private static void assertLogHoldsExactly(Map<Long, LiveBidder.Answer> accepted, List<AppUser> people,
                                              String lotId) {
        await().atMost(LOG_CATCH_UP).until(() -> history(people.get(0), lotId).size() == accepted.size());
        List<Long> newestFirst = new ArrayList<>(accepted.keySet());
        Collections.reverse(newestFirst);
        Map<Long, UUID> loggedBidder = new TreeMap<>();
        for (AppUser person : people) {
            List<Map<String, Object>> seen = history(person, lotId);
            assertThat(seen).extracting(bid -> number(bid, "seq")).containsExactlyElementsOf(newestFirst);
            for (Map<String, Object> bid : seen) {
                LiveBidder.Answer answer = accepted.get(number(bid, "seq"));
                assertThat(number(bid, "price")).as("logged price of bid %d", answer.seq()).isEqualTo(answer.price());
                if (Boolean.TRUE.equals(bid.get("yours"))) {
                    assertThat(loggedBidder.put(answer.seq(), person.memberId())).isNull();
                    assertThat(number(bid, "yourAmount")).isEqualTo(answer.amount());
                }
            }
        }
        Map<Long, UUID> answeredBidder = new TreeMap<>();
        accepted.forEach((seq, answer) -> answeredBidder.put(seq, answer.bidder()));
        assertThat(loggedBidder).isEqualTo(answeredBidder);
    }

    /** Every accepted bid sent again with its key is answered as the first time, and is not a second bid. */
    private static void assertRetriesGetTheFirstAnswer(Map<Long, LiveBidder.Answer> accepted,
                                                       List<LiveBidder> bidders) {
        for (LiveBidder.Answer first : accepted.values()) {
            LiveBidder bidder = bidders.stream().filter(b -> b.user().memberId().equals(first.bidder())).findFirst()
                    .orElseThrow();
            LiveBidder.Answer again = bidder.bid(first.key(), first.amount());
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.replayed()).as("retry of bid %d is a replay", first.seq()).isTrue();
            assertThat(again.seq()).isEqualTo(first.seq());
            assertThat(again.price()).isEqualTo(first.price());
        }
    }

    /** The lot closes SOLD at the last (highest) accepted bid to its bidder; payment makes that bidder's order. */
    private static void assertClosedToTheHighestBid(Map<Long, LiveBidder.Answer> accepted, List<AppUser> people,
                                                    String lotId) {
        LiveBidder.Answer last = accepted.get((long) accepted.size());
        long highest = accepted.values().stream().mapToLong(LiveBidder.Answer::amount).max().orElseThrow();
        assertThat(last.price()).isEqualTo(highest);
        Response closed = await().atMost(Duration.ofMinutes(2)).until(() -> people.get(0).at("auction-bidding")
                .get("/lots/" + lotId), lot -> "CLOSED".equals(lot.jsonPath().getString("status")));
        assertThat(closed.jsonPath().getString("outcome")).isEqualTo("SOLD");
        assertThat(closed.jsonPath().getLong("hammerPrice")).isEqualTo(highest);
        assertThat(closed.jsonPath().getLong("bidCount")).isEqualTo(accepted.size());
        for (AppUser person : people) {
            boolean won = person.at("auction-bidding").get("/lots/" + lotId).jsonPath().getBoolean("you.won");
            assertThat(won).as("%s won", person.name()).isEqualTo(person.memberId().equals(last.bidder()));
        }
        AppUser winner = people.stream().filter(p -> p.memberId().equals(last.bidder())).findFirst().orElseThrow();
        Response orders = await().atMost(AppUser.EVENTUAL).until(() -> winner.at("payment").get("/orders/me"),
                response -> response.statusCode() == 200 && !response.jsonPath().getList("lotId").isEmpty());
        assertThat(orders.jsonPath().getList("lotId")).containsExactly(lotId);
        assertThat(orders.jsonPath().getLong("[0].hammerPrice")).isEqualTo(highest);
    }

    /** The lot's whole bid history as {@code reader} sees it, newest first, page by page. */
    private static List<Map<String, Object>> history(AppUser reader, String lotId) {
        List<Map<String, Object>> bids = new ArrayList<>();
        Long before = null;
        while (true) {
            var request = reader.at("auction-bidding").queryParam("size", 100);
            if (before != null) {
                request = request.queryParam("before", before);
            }
            Response page = request.get("/lots/" + lotId + "/bids");
            assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
            List<Map<String, Object>> bidsOfPage = page.jsonPath().getList("$");
            bids.addAll(bidsOfPage);
            if (bidsOfPage.size() < 100) {
                return bids;
            }
            before = number(bidsOfPage.get(bidsOfPage.size() - 1), "seq");
        }
    }

    private static long number(Map<String, Object> bid, String field) {
        return ((Number) bid.get(field)).longValue();
    }

    private static boolean expected(LiveBidder.Answer answer) {
        return answer.status() == 201 || answer.status() == 422 && "bid-too-low".equals(answer.type())
                || answer.status() == 409 && "already-leading".equals(answer.type());
    }

    private static long acceptedCount(List<LiveBidder> bidders) {
        return bidders.stream().flatMap(b -> b.answers().stream()).filter(a -> a.status() == 201).count();
    }

    private static List<AppUser> fundedBidders() {
        ExecutorService threads = Executors.newFixedThreadPool(BIDDERS);
        try {
            List<CompletableFuture<AppUser>> funded = new ArrayList<>();
            for (int i = 0; i < BIDDERS; i++) {
                String name = "Bidder " + (char) ('A' + i);
                funded.add(CompletableFuture.supplyAsync(
                        () -> FlowMembers.fundedMember(platform, name, LIMIT + 100_000), threads));
            }
            return funded.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    private static void register(AppUser bidder, String lotId) {
        Response registration = bidder.at("auction-bidding").header("Idempotency-Key", "flow-" + UUID.randomUUID())
                .body(Map.of("limit", LIMIT)).post("/lots/" + lotId + "/registrations");
        assertThat(registration.statusCode()).as(registration.asString()).isEqualTo(202);
        await().atMost(AppUser.EVENTUAL).until(() -> bidder.at("auction-bidding")
                .get("/lots/" + lotId + "/registrations/me").jsonPath().getString("status"), "APPROVED"::equals);
    }

    /** A lot without soft close that opens in a few seconds and ends 70 seconds later. */
    private static String listLot(AppUser seller) {
        Instant opens = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> lot = new HashMap<>();
        lot.put("title", "Night market");
        lot.put("artist", "Park Soo-keun");
        lot.put("category", "PAINTING");
        lot.put("startPrice", START_PRICE);
        lot.put("softCloseSeconds", 0);
        lot.put("startsAt", opens.toString());
        lot.put("endsAt", opens.plusSeconds(70).toString());
        Response created = seller.at("auction-bidding").body(lot).post("/lots");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.jsonPath().getString("id");
    }
}
