package dev.moa.flows;

import io.restassured.response.Response;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * One bidder of a live lot over HTTP, as an app does it: bids the least the lot takes (learnt from the last answer),
 * and when the service cannot be reached retries the same bid with the same {@code Idempotency-Key} until it gets an
 * answer, so that every bid it made ends with a definite one. Meant for its own thread.
 */
final class LiveBidder implements Runnable {

    /** How long a bid may go unanswered (the service is down) before the bidder gives up. */
    static final Duration UNREACHABLE_AT_MOST = Duration.ofSeconds(90);

    /** A bid's final answer; {@code unreachable} says a try before it got no answer (the service died meanwhile). */
    record Answer(UUID bidder, String key, long amount, int status, String type, Long seq, Long price,
                  boolean replayed, boolean unreachable) {
    }

    private final AppUser user;
    private final String lotId;
    private final AtomicLong minimumNext;
    private final AtomicBoolean stop;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    /** {@code minimumNext} is shared by the bidders of the lot; each answer raises it. */
    LiveBidder(AppUser user, String lotId, AtomicLong minimumNext, AtomicBoolean stop) {
        this.user = user;
        this.lotId = lotId;
        this.minimumNext = minimumNext;
        this.stop = stop;
    }

    @Override
    public void run() {
        while (!stop.get()) {
            Answer answer = bid("flow-" + UUID.randomUUID(), minimumNext.get());
            answers.add(answer);
            if (answer.status() != 201 && answer.status() != 409 && answer.status() != 422
                    || "lot-closed".equals(answer.type())) {
                return;
            }
            if (answer.status() == 409) {
                // Leading already: wait for the others' next bid by reading the lot.
                learnMinimum();
            }
        }
    }

    /** Places one bid of {@code amount}, retried under the same key while the service is unreachable. */
    Answer bid(String key, long amount) {
        boolean[] unreachable = {false};
        Response response = await().atMost(UNREACHABLE_AT_MOST).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    try {
                        return Optional.of(user.at("auction-bidding").header("Idempotency-Key", key)
                                .body(Map.of("amount", amount)).post("/lots/" + lotId + "/bids"));
                    } catch (Exception connectionLost) {
                        // RestAssured rethrows the socket's IOException as it is (unchecked in Groovy)
                        unreachable[0] = true;
                        return Optional.<Response>empty();
                    }
                }, Optional::isPresent).orElseThrow();
        int status = response.statusCode();
        if (status == 201) {
            minimumNext.accumulateAndGet(response.jsonPath().getLong("minimumNextBid"), Math::max);
            return new Answer(user.memberId(), key, amount, status, null, response.jsonPath().getLong("seq"),
                    response.jsonPath().getLong("price"), "true".equals(response.header("Idempotent-Replayed")),
                    unreachable[0]);
        }
        String minimum = response.header("Moa-Minimum-Bid");
        if (minimum != null) {
            minimumNext.accumulateAndGet(Long.parseLong(minimum), Math::max);
        }
        String type = status >= 400 && status < 500 ? response.jsonPath().getString("type") : response.asString();
        return new Answer(user.memberId(), key, amount, status, type == null ? null : type.replaceAll(".*/", ""),
                null, null, false, unreachable[0]);
    }

    private void learnMinimum() {
        try {
            Response lot = user.at("auction-bidding").get("/lots/" + lotId);
            if (lot.statusCode() == 200) {
                minimumNext.accumulateAndGet(lot.jsonPath().getLong("minimumNextBid"), Math::max);
            }
        } catch (Exception connectionLost) {
            // the next bid retries until the service is back
        }
    }

    List<Answer> answers() {
        return answers;
    }

    AppUser user() {
        return user;
    }
}
