package dev.moa.banking.firmbanking;

import org.junit.jupiter.api.Test;

import static dev.moa.banking.firmbanking.FirmbankingState.FAILED;
import static dev.moa.banking.firmbanking.FirmbankingState.REVIEW;
import static dev.moa.banking.firmbanking.FirmbankingState.SENT;
import static dev.moa.banking.firmbanking.FirmbankingState.SUCCEEDED;
import static dev.moa.banking.firmbanking.FirmbankingState.UNKNOWN;
import static dev.moa.banking.firmbanking.FirmbankingState.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirmbankingStateTest {

    @Test
    void nothingLeavesADecidedState() {
        for (FirmbankingState next : FirmbankingState.values()) {
            assertThat(SUCCEEDED.canMoveTo(next)).as("SUCCEEDED -> " + next).isFalse();
            assertThat(FAILED.canMoveTo(next)).as("FAILED -> " + next).isFalse();
        }
    }

    @Test
    void anUnknownOutcomeIsNeverSentAgain() {
        assertThat(UNKNOWN.canMoveTo(SENT)).isFalse();
        assertThat(REVIEW.canMoveTo(SENT)).isFalse();
        assertThat(UNREACHABLE.canMoveTo(SENT)).isTrue();
    }

    @Test
    void anUnreachableRequestIsDecidedOnlyAfterBeingSentAgain() {
        assertThat(UNREACHABLE.canMoveTo(SUCCEEDED)).isFalse();
        assertThat(UNREACHABLE.canMoveTo(FAILED)).isFalse();
        assertThatThrownBy(() -> UNREACHABLE.moveTo(SUCCEEDED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyUnresolvedStateCanBeFlaggedForReview() {
        for (FirmbankingState state : FirmbankingState.UNRESOLVED) {
            assertThat(state.canMoveTo(REVIEW)).as(state + " -> REVIEW").isTrue();
        }
    }
}
