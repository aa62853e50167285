package dev.moa.notifications.notice;

/**
 * What a notification is about; preferences are kept per category and channel. Mandatory categories (security notices,
 * receipts, account notices) cannot be switched off and their mails carry no unsubscribe link.
 */
public enum Category {
    /** A change to how money can leave the account: bank account linked or unlinked. */
    SECURITY(true),
    /** The account itself: welcome, seller approval. */
    ACCOUNT(true),
    /** The outcome of a member's own money movement: top-up, withdrawal, dues paid, payment, settlement. */
    RECEIPT(true),
    /** Money someone sent the member. */
    REMITTANCE(false),
    /** Groups (모임): joined, dues unpaid, money received in a group the member manages. */
    GROUP(false),
    /** Auctions: registration, lot results. */
    AUCTION(false),
    /** Outbid on a lot (coalesced per lot). */
    OUTBID(false),
    /** Subscriptions: started, renewed, past due, canceled, plan price changes. */
    SUBSCRIPTION(false);

    private final boolean mandatory;

    Category(boolean mandatory) {
        this.mandatory = mandatory;
    }

    public boolean mandatory() {
        return mandatory;
    }
}
