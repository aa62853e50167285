package dev.moa.payment.order;

/** PENDING (the capture is asked of money) → PAID or PAYMENT_FAILED, each final. */
public enum OrderStatus {
    PENDING, PAID, PAYMENT_FAILED
}
