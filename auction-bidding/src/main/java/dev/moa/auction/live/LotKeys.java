package dev.moa.auction.live;

import java.util.UUID;

/**
 * The Redis keys of a lot. Each carries the lot's hash tag {@code {lot:ID}}, so all keys one script touches live in
 * one slot and the scripts run unchanged on Redis Cluster.
 */
public final class LotKeys {

    /** The lots whose streams the relay drains (added at opening, removed once a closed lot's stream is relayed). */
    public static final String LIVE_LOTS = "moa:lots:live";
    public static final String RELAY_GROUP = "relay";

    private LotKeys() {
    }

    public static String state(UUID lot) {
        return tag(lot) + ":state";
    }

    public static String limits(UUID lot) {
        return tag(lot) + ":limits";
    }

    public static String maxima(UUID lot) {
        return tag(lot) + ":max";
    }

    public static String stream(UUID lot) {
        return tag(lot) + ":bids";
    }

    public static String idempotency(UUID lot, UUID bidder, String key) {
        return tag(lot) + ":idem:" + bidder + ":" + key;
    }

    /** The Pub/Sub channel of the lot's live updates. */
    public static String channel(UUID lot) {
        return tag(lot) + ":live";
    }

    /** The pattern of every lot's live channel (Redis glob). */
    public static final String CHANNELS = "moa:{lot:*}:live";

    /** The lot a live channel belongs to, or {@code null} for any other channel. */
    public static UUID lotOfChannel(String channel) {
        String prefix = "moa:{lot:";
        String suffix = "}:live";
        if (channel == null || !channel.startsWith(prefix) || !channel.endsWith(suffix)
                || channel.length() != prefix.length() + 36 + suffix.length()) {
            return null;
        }
        try {
            return UUID.fromString(channel.substring(prefix.length(), prefix.length() + 36));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String tag(UUID lot) {
        return "moa:{lot:" + lot + "}";
    }
}
