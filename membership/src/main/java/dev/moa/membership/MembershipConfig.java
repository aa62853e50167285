package dev.moa.membership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Membership's settings ({@code moa.membership.*}). */
@ConfigMapping(prefix = "moa.membership")
public interface MembershipConfig {

    Password password();

    Login login();

    Admin admin();

    interface Password {

        /**
         * The bcrypt cost (log2 of the rounds). 12 takes about a quarter of a second on one core of the machines
         * here: slow for an attacker, tolerable for a login. Tests lower it.
         */
        @WithDefault("12")
        int bcryptCost();
    }

    interface Login {

        /** Failed logins allowed per e-mail within the window; one more is answered 429. */
        @WithDefault("5")
        int maxFailuresPerEmail();

        /** Failed logins allowed per client address within the window (higher: many members share a NAT). */
        @WithDefault("20")
        int maxFailuresPerAddress();

        @WithDefault("15m")
        Duration failureWindow();
    }

    /** The first admin ({@code MOA_ADMIN_EMAIL}, {@code MOA_ADMIN_PASSWORD}), created at start when absent. */
    interface Admin {

        Optional<String> email();

        Optional<String> password();
    }
}
