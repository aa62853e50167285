package dev.moa.payment.fee;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasisPointsTest {

    @Test
    void tenPercentOfAHammerPrice() {
        assertThat(BasisPoints.of(2_100_000, 1000)).isEqualTo(210_000);
    }

    @Test
    void halfAWonRoundsUp() {
        assertThat(BasisPoints.of(5, 1000)).isEqualTo(1);
        assertThat(BasisPoints.of(15, 1000)).isEqualTo(2);
        assertThat(BasisPoints.of(1, 5000)).isEqualTo(1);
    }

    @Test
    void lessThanHalfAWonRoundsDown() {
        assertThat(BasisPoints.of(4, 1000)).isZero();
        assertThat(BasisPoints.of(1_234_567, 250)).isEqualTo(30_864); // 30864.175
    }

    @Test
    void largeAmountsStayExact() {
        assertThat(BasisPoints.of(1_000_000_000_000L, 9999)).isEqualTo(999_900_000_000L);
    }

    @Test
    void overflowIsAnErrorNotAWrongFee() {
        assertThatThrownBy(() -> BasisPoints.of(Long.MAX_VALUE / 2, 10_000)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ratesOutsideZeroToTenThousandAreRefused() {
        assertThatThrownBy(() -> BasisPoints.of(100, 10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BasisPoints.of(100, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
