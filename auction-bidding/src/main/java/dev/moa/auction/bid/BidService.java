package dev.moa.auction.bid;

import dev.moa.auction.lifecycle.LiveStateLoader;
import dev.moa.auction.lifecycle.LotCloser;
import dev.moa.auction.live.LiveLots;
import dev.moa.chassis.problem.ProblemException;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Places bids. The decision is the bid script's alone (one Redis round trip, no PostgreSQL): it checks the lot, the
 * bidder's registration and limit, the increment, proxy maxima and soft close, logs the accepted bid in the lot's
 * stream and keeps the answer under the bidder's {@code Idempotency-Key} in the same step, so a retry gets the first
 * answer and never a second bid. A leader's {@code maxAmount} above their maximum raises it without being a bid (see
 * {@link BidResult#maximumRaised()}). Only a lot without live state (Redis lost it, or its opening is late by a moment)
 * costs a trip to PostgreSQL, to load that state once.
 */
@ApplicationScoped
public class BidService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private final LiveLots live;
    private final LiveStateLoader loader;
    private final LotCloser closer;

    public BidService(LiveLots live, LiveStateLoader loader, LotCloser closer) {
        this.live = live;
        this.loader = loader;
        this.closer = closer;
    }

    /** An accepted bid, and whether this answer is the replay of an earlier request with the same key. */
    public record Placed(BidResult result, boolean replayed) {
    }

    /**
     * Decides the bid (a Vert.x future: this is the hottest path, and each Mutiny operator on it captured and restored
     * the request's context). It completes on the caller's context.
     */
    public Future<Placed> bid(UUID lotId, UUID bidder, String key, BidRequest request) {
        if (key == null || key.isBlank()) {
            return Future.failedFuture(ProblemException.badRequest("idempotency-key-missing",
                    "A bid needs an Idempotency-Key header"));
        }
        if (!KEY.matcher(key).matches()) {
            return Future.failedFuture(ProblemException.badRequest("idempotency-key-invalid",
                    "Idempotency-Key must be 8 to 128 characters of A-Z a-z 0-9 . _ : -"));
        }
        if (request == null) {
            return Future.failedFuture(ProblemException.badRequest("validation",
                    "A bid needs a body: {amount} or {maxAmount}"));
        }
        String invalid = request.invalid();
        if (invalid != null) {
            return Future.failedFuture(ProblemException.badRequest("validation", invalid));
        }
        String fingerprint = request.kind() + ":" + request.value();
        return decide(lotId, bidder, key, request, fingerprint)
                .compose(answer -> answer.startsWith("R|NO_STATE")
                        ? loaded(lotId).compose(done -> decide(lotId, bidder, key, request, fingerprint))
                        : Future.succeededFuture(answer))
                .map(answer -> placed(lotId, bidder, answer));
    }

    private Future<String> decide(UUID lotId, UUID bidder, String key, BidRequest request, String fingerprint) {
        return live.bid(lotId, bidder, request.kind(), request.value(), key, fingerprint);
    }

    /** The lot's live state loaded from PostgreSQL (Hibernate Reactive, on the request's context, where this runs). */
    private Future<Void> loaded(UUID lotId) {
        Promise<Void> loaded = Promise.promise();
        loader.ensureLive(lotId).subscribe().with(done -> loaded.complete(), loaded::fail);
        return loaded.future();
    }

    private Placed placed(UUID lotId, UUID bidder, String answer) {
        String[] parts = answer.split("\\|", -1);
        if (!"A".equals(parts[0]) && !"M".equals(parts[0])) {
            throw BidRefusal.of(parts[1], parts.length > 2 ? parts[2] : null);
        }
        BidResult result = BidResult.parse(lotId, bidder, parts);
        boolean replayed = parts.length > 11 && "replay".equals(parts[11]);
        if (result.closed() && !replayed) {
            // Bought now: close it at once rather than at the next timer scan.
            closer.close(lotId).subscribe().with(done -> { },
                    e -> Log.warnf("lot %s bought, its close is left to the timers: %s", lotId, e.getMessage()));
        }
        return new Placed(result, replayed);
    }
}
