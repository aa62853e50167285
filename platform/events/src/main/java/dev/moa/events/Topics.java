package dev.moa.events;

/** The Kafka topics that carry Moa's events and commands. Record key = the aggregate id (ordering per aggregate). */
public final class Topics {

    public static final String MEMBERSHIP_EVENTS = "membership.events";
    public static final String BANKING_COMMANDS = "banking.commands";
    public static final String BANKING_EVENTS = "banking.events";
    public static final String MONEY_COMMANDS = "money.commands";
    public static final String MONEY_EVENTS = "money.events";
    public static final String AUCTION_BIDS = "auction.bids";
    public static final String AUCTION_EVENTS = "auction.events";
    public static final String PAYMENT_EVENTS = "payment.events";

    private Topics() {
    }
}
