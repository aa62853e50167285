package dev.moa.banking.firmbanking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a firm-banking request stands. The transitions below are the only ones allowed ({@link #canMoveTo}).
 *
 * <pre>
 *   (command) ──► SENT ──► SUCCEEDED | FAILED                 the bank answered
 *                  │  ──► UNKNOWN                             no answer: the bank may or may not have it
 *                  │  ──► UNREACHABLE                         connection never made: the bank does not have it
 *   (command) ──► FAILED                                     not the member's linked account, or invalid: no call
 *   UNKNOWN ─────► SUCCEEDED | FAILED                        the bank was asked (reconciled)
 *   UNREACHABLE ─► SENT                                      sent again, with the same request id
 *   SENT | UNKNOWN | UNREACHABLE ──► REVIEW                  past the age or check limit: an operator is alerted
 *   REVIEW ──────► SUCCEEDED | FAILED                        still asked (or sent) at the capped interval
 * </pre>
 * SENT is recorded (and committed) before the call, so a crash during the call leaves SENT behind; once its call must
 * have ended, the reconciliation job treats it as UNKNOWN. Nothing ever leaves SUCCEEDED or FAILED.
 */
public enum FirmbankingState {
    SENT,
    UNKNOWN,
    UNREACHABLE,
    REVIEW,
    SUCCEEDED,
    FAILED;

    private static final Map<FirmbankingState, Set<FirmbankingState>> NEXT = Map.of(
            SENT, EnumSet.of(SUCCEEDED, FAILED, UNKNOWN, UNREACHABLE, REVIEW),
            UNKNOWN, EnumSet.of(SUCCEEDED, FAILED, UNKNOWN, REVIEW),
            UNREACHABLE, EnumSet.of(SENT, REVIEW),
            REVIEW, EnumSet.of(SUCCEEDED, FAILED, REVIEW),
            SUCCEEDED, EnumSet.noneOf(FirmbankingState.class),
            FAILED, EnumSet.noneOf(FirmbankingState.class));

    /** The states the reconciliation job works on. */
    public static final Set<FirmbankingState> UNRESOLVED = EnumSet.of(SENT, UNKNOWN, UNREACHABLE, REVIEW);

    public boolean canMoveTo(FirmbankingState next) {
        return NEXT.get(this).contains(next);
    }

    /** @throws IllegalStateException when the move is not allowed */
    public FirmbankingState moveTo(FirmbankingState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a firm-banking request cannot go from " + this + " to " + next);
        }
        return next;
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
