package dev.moa.auction.lot;

import dev.moa.chassis.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * The increment table of a lot: from each price {@code from} on, a bid must beat the price by {@code increment}. The
 * same text form ({@code "0:1000,100000:5000"}) is stored in PostgreSQL and read by the bid script in Redis.
 */
public record Increments(List<Tier> tiers) {

    public static final int MAX_TIERS = 20;

    /** The default table for KRW, tiered as auction houses in Seoul do it. */
    public static final Increments DEFAULT = parse("0:1000,100000:5000,1000000:10000,5000000:50000,"
            + "10000000:100000,50000000:500000,100000000:1000000,1000000000:10000000");

    public record Tier(long from, long increment) {
    }

    public Increments {
        tiers = List.copyOf(tiers);
    }

    /** A table from a seller: the first tier from 0, the tiers ascending, each increment positive. */
    public static Increments of(List<Tier> tiers, long maxAmount) {
        if (tiers == null || tiers.isEmpty()) {
            return DEFAULT;
        }
        if (tiers.size() > MAX_TIERS) {
            throw invalid("An increment table has at most " + MAX_TIERS + " tiers");
        }
        long previous = -1;
        for (Tier tier : tiers) {
            if (tier == null || tier.from() <= previous || tier.from() > maxAmount || tier.increment() <= 0
                    || tier.increment() > maxAmount) {
                throw invalid("Increment tiers ascend by 'from' and each increment is between 1 and " + maxAmount);
            }
            previous = tier.from();
        }
        if (tiers.get(0).from() != 0) {
            throw invalid("The first increment tier starts from 0");
        }
        return new Increments(tiers);
    }

    /** The increment that applies at {@code price}. */
    public long at(long price) {
        long increment = tiers.get(0).increment();
        for (Tier tier : tiers) {
            if (price >= tier.from()) {
                increment = tier.increment();
            }
        }
        return increment;
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        for (Tier tier : tiers) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(tier.from()).append(':').append(tier.increment());
        }
        return text.toString();
    }

    public static Increments parse(String text) {
        List<Tier> tiers = new ArrayList<>();
        for (String tier : text.split(",")) {
            String[] parts = tier.split(":");
            tiers.add(new Tier(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        }
        return new Increments(tiers);
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("validation", detail);
    }
}
