package dev.moa.auction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** auction-bidding's settings ({@code moa.auction.*}). */
@ConfigMapping(prefix = "moa.auction")
public interface AuctionConfig {

    Lots lots();

    Timers timers();

    Relay relay();

    Bids bids();

    Rebuild rebuild();

    /** Bounds on what a seller may ask of a lot. */
    interface Lots {

        /** The shortest time a lot may take bids (before extensions). */
        @WithDefault("10m")
        Duration minDuration();

        /** The longest time a lot may take bids (before extensions). */
        @WithDefault("30d")
        Duration maxDuration();

        /** How far ahead a lot may be scheduled. */
        @WithDefault("90d")
        Duration maxLead();

        /**
         * How long a registration's hold outlives the latest possible close of its lot: the winner's hold must still
         * be there when payment captures it.
         */
        @WithDefault("14d")
        Duration holdGrace();
    }

    /** The per-lot open and close timers. */
    interface Timers {

        /** Whether this instance opens and closes lots. Several instances may at once. */
        @WithDefault("true")
        boolean enabled();

        /** How often due lots are looked for; a lot opens or closes at most this late. */
        @WithDefault("250ms")
        Duration scanEvery();

        /** Lots opened or closed per scan at most; the rest wait for the next scan. */
        @WithDefault("100")
        int batch();
    }

    /** The relay that moves accepted bids from the lots' Redis streams to Kafka {@code auction.bids}. */
    interface Relay {

        @WithDefault("true")
        boolean enabled();

        /** Entries read per lot and round. */
        @WithDefault("500")
        int batch();

        /** The pause of an idle relay between rounds. */
        @WithDefault("20ms")
        Duration idlePause();

        /** How long an entry may stay unacknowledged by another relay before this one takes it over. */
        @WithDefault("30s")
        Duration claimAfter();
    }

    /** Bidding. */
    interface Bids {

        /** How long the answer to a bid is kept for a retry with its {@code Idempotency-Key}. */
        @WithDefault("24h")
        Duration idempotencyTtl();
    }

    /** Rebuilding a lot's live state that Redis lost. */
    interface Rebuild {

        /**
         * How long reading the lot's bids from Kafka {@code auction.bids} (those the bid log may lack) may take; a
         * read that does not finish in time answers 503 and the lot takes no bid until a later try finishes.
         */
        @WithDefault("5s")
        Duration kafkaTimeout();
    }
}
