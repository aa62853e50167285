package dev.moa.auction.bid;

import dev.moa.chassis.problem.ProblemException;

import java.util.Map;

/** Why the bid script refused a bid, as problem+json with a stable type. */
final class BidRefusal {

    /** The header that carries the least acceptable bid on a bid-too-low answer. */
    static final String MINIMUM_HEADER = "Moa-Minimum-Bid";

    private BidRefusal() {
    }

    static ProblemException of(String reason, String number) {
        return switch (reason) {
            case "TOO_LOW" -> new ProblemException(422, "bid-too-low", "Bid too low",
                    "The bid is below the minimum next bid of " + number, Map.of(MINIMUM_HEADER, number));
            case "OVER_LIMIT" -> ProblemException.unprocessable("over-limit",
                    "The bid is above your registered limit of " + number + "; raise your limit first");
            case "NOT_REGISTERED" -> new ProblemException(403, "not-registered", "Not registered",
                    "Register for this lot, with a limit money holds for you, before bidding");
            case "SELLER" -> new ProblemException(403, "seller-cannot-bid", "Forbidden",
                    "A seller cannot bid on their own lot");
            case "CLOSED" -> ProblemException.conflict("lot-closed", "The lot has ended and takes no more bids");
            case "NOT_OPEN" -> ProblemException.conflict("lot-not-open", "The lot is not open for bids yet");
            case "ALREADY_LEADING" -> ProblemException.conflict("already-leading",
                    "You lead already; raise your hidden maximum with maxAmount instead");
            case "MAX_NOT_RAISED" -> ProblemException.unprocessable("maximum-not-raised",
                    "Your maximum is " + number + " already; a new maximum must be higher");
            case "IDEMPOTENCY_KEY_REUSED" -> ProblemException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different bid");
            default -> new IllegalStateExceptionProblem(reason);
        };
    }

    /** An answer the service does not know: a bug, reported as a 500 by the mappers. */
    private static final class IllegalStateExceptionProblem extends ProblemException {
        IllegalStateExceptionProblem(String reason) {
            super(500, "internal-error", "Internal error", "Unexpected bid answer " + reason);
        }
    }
}
