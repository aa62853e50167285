package dev.moa.money.ledger;

/** Why money moved; stored with every transfer. */
public enum TransferKind {
    TOP_UP, WITHDRAWAL, REMITTANCE, DUES, PAYOUT, HOLD_CAPTURE, PAYMENT, SETTLEMENT, FEE, REFUND
}
