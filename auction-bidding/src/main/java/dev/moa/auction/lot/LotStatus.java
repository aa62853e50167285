package dev.moa.auction.lot;

import dev.moa.chassis.problem.ProblemException;

import java.util.Map;
import java.util.Set;

/** A lot's life: SCHEDULED → OPEN → CLOSED, or CANCELED before it closes. Every transition is checked here. */
public enum LotStatus {
    SCHEDULED, OPEN, CLOSED, CANCELED;

    private static final Map<LotStatus, Set<LotStatus>> NEXT = Map.of(
            SCHEDULED, Set.of(OPEN, CANCELED),
            OPEN, Set.of(CLOSED, CANCELED),
            CLOSED, Set.of(),
            CANCELED, Set.of());

    public boolean canBecome(LotStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** {@code next}, or a 409 when this lot cannot go there from here. */
    public LotStatus to(LotStatus next) {
        if (!canBecome(next)) {
            throw ProblemException.conflict("lot-" + name().toLowerCase(),
                    "The lot is " + name().toLowerCase() + " and cannot become " + next.name().toLowerCase());
        }
        return next;
    }

    public boolean isFinal() {
        return this == CLOSED || this == CANCELED;
    }
}
