package dev.moa.payment.fee;

/**
 * Rates in basis points (the buyer's premium, merchant and seller fees): an amount × bps / 10000, rounded half up to
 * the won.
 */
public final class BasisPoints {

    public static final int FULL = 10_000;

    private BasisPoints() {
    }

    /**
     * {@code amount} × {@code bps} / 10000 rounded half up (0.5 won and more up); exact in {@code long}, and an
     * {@link ArithmeticException} rather than a wrong number when the product does not fit.
     */
    public static long of(long amount, int bps) {
        if (amount < 0 || bps < 0 || bps > FULL) {
            throw new IllegalArgumentException("an amount >= 0 and 0..10000 basis points");
        }
        return Math.addExact(Math.multiplyExact(amount, (long) bps), FULL / 2) / FULL;
    }
}
