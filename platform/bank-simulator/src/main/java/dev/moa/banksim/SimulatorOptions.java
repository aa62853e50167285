package dev.moa.banksim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the simulator runs: from command-line options ({@code --port 8090} or {@code --port=8090}), each falling back
 * to its environment variable, then to its default.
 *
 * <pre>
 * option                 environment                        default
 * --host                 MOA_BANK_SIM_HOST                  127.0.0.1
 * --port                 MOA_BANK_SIM_PORT                  8090 (0: a free port)
 * --admin-port           MOA_BANK_SIM_ADMIN_PORT            port + 1 (0: a free port)
 * (environment only)     MOA_BANK_SIM_ADMIN_KEY             none: the admin API is off
 * --production           MOA_BANK_SIM_PRODUCTION=true       false; true turns the admin API off whatever the key
 * --bank-code            MOA_BANK_SIM_BANK_CODE             088
 * --corporate-account    MOA_BANK_SIM_CORPORATE_ACCOUNT     999000000001
 * --corporate-balance    MOA_BANK_SIM_CORPORATE_BALANCE     100000000000000 (KRW)
 * --latency-min-ms       MOA_BANK_SIM_LATENCY_MIN_MS        0
 * --latency-max-ms       MOA_BANK_SIM_LATENCY_MAX_MS        the minimum
 * --decline-rate         MOA_BANK_SIM_DECLINE_RATE          0
 * --timeout-rate         MOA_BANK_SIM_TIMEOUT_RATE          0
 * --drop-rate            MOA_BANK_SIM_DROP_RATE             0
 * --unanswered-hold-ms   MOA_BANK_SIM_UNANSWERED_HOLD_MS    30000
 * --outage-ms            MOA_BANK_SIM_OUTAGE_MS             none (an outage from the start, for that long)
 * --seed                 MOA_BANK_SIM_SEED                  random (a seed makes the fault draws repeatable)
 * </pre>
 * The admin key is taken from the environment only, so that it never shows in a process list.
 */
public record SimulatorOptions(String host, int port, int adminPort, Optional<String> adminKey, boolean production,
                               String bankCode, String corporateAccount, long corporateBalance, FaultSettings faults,
                               Long seed) {

    public static final int MIN_ADMIN_KEY_LENGTH = 16;
    static final String ADMIN_KEY_ENV = "MOA_BANK_SIM_ADMIN_KEY";

    private static final List<String> OPTIONS = List.of("host", "port", "admin-port", "production", "bank-code",
            "corporate-account", "corporate-balance", "latency-min-ms", "latency-max-ms", "decline-rate",
            "timeout-rate", "drop-rate", "unanswered-hold-ms", "outage-ms", "seed");

    public SimulatorOptions {
        requirePort("port", port);
        requirePort("admin-port", adminPort);
        if (adminKey.isPresent() && adminKey.get().length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalArgumentException(ADMIN_KEY_ENV + " must be at least " + MIN_ADMIN_KEY_LENGTH
                    + " characters");
        }
        if (!bankCode.matches("[0-9]{3}")) {
            throw new IllegalArgumentException("--bank-code is three digits");
        }
        if (!corporateAccount.matches("[0-9]{6,20}")) {
            throw new IllegalArgumentException("--corporate-account is 6 to 20 digits");
        }
        if (corporateBalance < 0 || corporateBalance > Bank.MAX_BALANCE) {
            throw new IllegalArgumentException("--corporate-balance is between 0 and " + Bank.MAX_BALANCE);
        }
    }

    /** Whether the admin API runs: only with an admin key, and never in production mode. */
    public boolean adminEnabled() {
        return adminKey.isPresent() && !production;
    }

    public static SimulatorOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> given = options(args);
        Lookup lookup = new Lookup(given, env);
        int port = lookup.integer("port", 8090);
        FaultSettings faults = new FaultSettings(lookup.optionalLong("latency-min-ms"),
                lookup.optionalLong("latency-max-ms"), lookup.optionalDouble("decline-rate"),
                lookup.optionalDouble("timeout-rate"), lookup.optionalDouble("drop-rate"),
                lookup.optionalLong("unanswered-hold-ms"), lookup.optionalLong("outage-ms") != null ? true : null,
                lookup.optionalLong("outage-ms"));
        return new SimulatorOptions(lookup.text("host", "127.0.0.1"), port,
                lookup.integer("admin-port", port == 0 ? 0 : port + 1),
                Optional.ofNullable(env.get(ADMIN_KEY_ENV)).filter(key -> !key.isBlank()),
                Boolean.parseBoolean(lookup.text("production", "false")), lookup.text("bank-code", "088"),
                lookup.text("corporate-account", "999000000001"),
                lookup.longValue("corporate-balance", 100_000_000_000_000L), faults,
                lookup.optionalLong("seed"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (name.equals("production")) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: " + OPTIONS + ")");
            }
            given.put(name, value);
        }
        return given;
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--" + name + " is between 0 and 65535");
        }
    }

    /** An option's value: the argument, else MOA_BANK_SIM_<NAME>, else none. */
    private record Lookup(Map<String, String> given, Map<String, String> env) {

        String text(String name, String fallback) {
            String value = given.get(name);
            if (value == null) {
                value = env.get("MOA_BANK_SIM_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String name, int fallback) {
            Long value = optionalLong(name);
            return value == null ? fallback : Math.toIntExact(value);
        }

        long longValue(String name, long fallback) {
            Long value = optionalLong(name);
            return value == null ? fallback : value;
        }

        Long optionalLong(String name) {
            String value = text(name, null);
            try {
                return value == null ? null : Long.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
            }
        }

        Double optionalDouble(String name) {
            String value = text(name, null);
            try {
                return value == null ? null : Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a number, not " + value);
            }
        }
    }
}
