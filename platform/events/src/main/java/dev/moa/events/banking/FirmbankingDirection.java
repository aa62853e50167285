package dev.moa.events.banking;

/**
 * Which way a firm-banking transfer moves money at the bank: {@code IN} from the member's bank account to Moa's
 * corporate account (a top-up), {@code OUT} from Moa's corporate account to the member's bank account (a withdrawal).
 */
public enum FirmbankingDirection {
    IN,
    OUT
}
