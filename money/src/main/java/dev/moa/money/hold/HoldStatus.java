package dev.moa.money.hold;

/**
 * A hold's life: PENDING until it is captured, voided or expires; the other three are final. The database enforces
 * the transitions (trigger {@code moa_hold_transition}); this enum only names them.
 */
public enum HoldStatus {
    PENDING, CAPTURED, VOIDED, EXPIRED
}
