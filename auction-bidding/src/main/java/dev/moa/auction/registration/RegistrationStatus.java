package dev.moa.auction.registration;

/**
 * PENDING until money answers the first hold, then APPROVED (a hold is kept; a raise may be pending) or REJECTED (no
 * hold; the bidder may register again).
 */
public enum RegistrationStatus {
    PENDING, APPROVED, REJECTED
}
