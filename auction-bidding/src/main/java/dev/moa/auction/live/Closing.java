package dev.moa.auction.live;

import java.time.Instant;
import java.util.UUID;

/**
 * What the close script answered: {@code state} CLOSED (with the outcome), NOT_YET (the lot ends at {@code at}),
 * NO_STATE (Redis has no state for the lot) or CANCELED. A SOLD lot with a second bidder names the runner-up and their
 * best maximum capped at their limit ({@code null} otherwise). A RESERVE_NOT_MET lot names its highest bidder and the
 * standing price it reached ({@code null} otherwise).
 */
public record Closing(String state, String outcome, UUID winnerId, long hammerPrice, long bidCount, Instant at,
                      UUID runnerUpId, Long runnerUpMaximum, UUID highestBidderId, Long highestBid) {

    static Closing parse(String answer) {
        String[] parts = answer.split("\\|", -1);
        return switch (parts[0]) {
            case "CLOSED" -> new Closing("CLOSED", parts[1], parts[2].isEmpty() ? null : UUID.fromString(parts[2]),
                    Long.parseLong(parts[3]), Long.parseLong(parts[4]), Instant.ofEpochMilli(Long.parseLong(parts[5])),
                    parts[6].isEmpty() ? null : UUID.fromString(parts[6]),
                    parts[7].isEmpty() ? null : Long.valueOf(parts[7]),
                    part(parts, 8).isEmpty() ? null : UUID.fromString(parts[8]),
                    part(parts, 9).isEmpty() ? null : Long.valueOf(parts[9]));
            case "NOT_YET" -> new Closing("NOT_YET", null, null, 0, 0, Instant.ofEpochMilli(Long.parseLong(parts[1])),
                    null, null, null, null);
            default -> new Closing(parts[0], null, null, 0, 0, null, null, null, null, null);
        };
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : "";
    }

    public boolean closed() {
        return "CLOSED".equals(state);
    }
}
