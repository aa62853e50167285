package dev.moa.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The notification service's settings ({@code moa.notifications.*}); secrets come only from the environment. */
@ConfigMapping(prefix = "moa.notifications")
public interface NotificationsConfig {

    /** Where people reach this service from outside: the base of the unsubscribe links in mails. */
    @WithDefault("http://localhost:8086")
    String publicUrl();

    Unsubscribe unsubscribe();

    Mail mail();

    Coalescing coalescing();

    Stream stream();

    Feed feed();

    PriceChange priceChange();

    /** The signed one-click unsubscribe links. */
    interface Unsubscribe {

        /**
         * The HMAC-SHA256 key (at least 32 characters), from {@code MOA_UNSUBSCRIBE_KEY}. Without one, an instance
         * makes a random key at start: its links work only until it restarts, and only on that instance.
         */
        Optional<String> key();

        /** The previous key, still accepted while links signed with it are in people's inboxes (key rotation). */
        Optional<String> previousKey();

        /** How long a link in a mail stays valid. */
        @WithDefault("60d")
        Duration validity();
    }

    /** The mail outbox and its sender. */
    interface Mail {

        /** How often each instance looks for due mails. */
        @WithDefault("1s")
        Duration pollEvery();

        /** When the sender first looks, after start. */
        @WithDefault("2s")
        Duration pollDelay();

        /** How long sent, failed and suppressed mails are kept (for inspection) before they are deleted. */
        @WithDefault("30d")
        Duration retention();

        /** Mails claimed per sender run. */
        @WithDefault("50")
        int batchSize();

        /** Mails sent at once by one instance. */
        @WithDefault("4")
        int concurrency();

        /** Attempts before a mail is given up (status FAILED). */
        @WithDefault("12")
        int maxAttempts();

        /** Pause after the first failed attempt; doubled after each further failure. */
        @WithDefault("30s")
        Duration backoffInitial();

        /** Longest pause between two attempts. */
        @WithDefault("1h")
        Duration backoffMax();

        /** How long one SMTP send may take; also the lease of a claimed mail (then it is due again). */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Per-recipient rate limit: at most this many switchable mails per window (receipts and security exempt). */
        @WithDefault("20")
        int rateLimit();

        @WithDefault("1h")
        Duration rateWindow();
    }

    /** Coalescing of repeated notices about one subject (outbid on one lot). */
    interface Coalescing {

        /** At most one message per (category, subject, member) within this window. */
        @WithDefault("5m")
        Duration window();
    }

    /** The live SSE streams. */
    interface Stream {

        /** Notifications buffered for a client that reads slower than they come; past it, the client is dropped. */
        @WithDefault("32")
        int buffer();

        /** Open streams per member. */
        @WithDefault("5")
        int maxPerMember();

        /** Open streams per instance. */
        @WithDefault("10000")
        int maxTotal();

        /** A comment line this often keeps proxies from closing an idle stream. */
        @WithDefault("20s")
        Duration heartbeat();
    }

    /** The in-app feed. */
    interface Feed {

        /** Notifications older than this are deleted. */
        @WithDefault("180d")
        Duration retention();
    }

    /** Telling a plan's subscribers of its new price (PlanPriceChanged), a page of subscribers per transaction. */
    interface PriceChange {

        /** How often each instance looks for price changes not yet told to every subscriber. */
        @WithDefault("1s")
        Duration every();

        /** Subscribers told per transaction (one page); at most 1000. */
        @WithDefault("200")
        int pageSize();

        /** Pages one run may tell before it leaves the rest to the next run. */
        @WithDefault("10")
        int pagesPerRun();
    }
}
