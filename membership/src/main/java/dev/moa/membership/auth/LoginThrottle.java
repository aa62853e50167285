package dev.moa.membership.auth;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.membership.MembershipConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Limits password guesses, in Redis, per e-mail (or member) and per client address within a window. An attempt is
 * reserved before the password is checked, atomically with the check of the limit, so parallel requests cannot slip
 * past it; past the limit the answer is 429 with {@code Retry-After}. A success gives back its reservation on the
 * address and clears the e-mail's count. Redis holds no e-mail: keys carry its SHA-256.
 */
@ApplicationScoped
public class LoginThrottle {

    /**
     * KEYS: the counters; ARGV[1]: window in ms; ARGV[2..]: the limit of each key. Returns 0 and counts one attempt on
     * every key, or, when a key is at its limit, the milliseconds until its window ends and counts nothing.
     */
    private static final String RESERVE = """
            for i, key in ipairs(KEYS) do
              local n = tonumber(redis.call('GET', key) or '0')
              if n >= tonumber(ARGV[i + 1]) then
                local ttl = redis.call('PTTL', key)
                if ttl < 1 then ttl = 1 end
                return ttl
              end
            end
            for i, key in ipairs(KEYS) do
              if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
            end
            return 0""";

    private final ReactiveRedisDataSource redis;
    private final MembershipConfig.Login config;

    public LoginThrottle(ReactiveRedisDataSource redis, MembershipConfig config) {
        this.redis = redis;
        this.config = config.login();
    }

    /** Reserves a login attempt for the e-mail from the address, or fails with 429. */
    public Uni<Void> reserveLogin(String email, String address) {
        return reserve(new String[] {emailKey(email), addressKey(address)},
                config.maxFailuresPerEmail(), config.maxFailuresPerAddress());
    }

    /** A correct password: the e-mail's count starts over, and the address gets its attempt back. */
    public Uni<Void> loginSucceeded(String email, String address) {
        return redis.key().del(emailKey(email))
                .chain(() -> redis.execute("EVAL",
                        "if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end",
                        "1", addressKey(address)))
                .replaceWithVoid();
    }

    /** Reserves a check of a logged-in member's current password (password or e-mail change), or fails with 429. */
    public Uni<Void> reservePasswordCheck(String memberId) {
        return reserve(new String[] {"moa:password-check:" + memberId}, config.maxFailuresPerEmail());
    }

    public Uni<Void> passwordCheckSucceeded(String memberId) {
        return redis.key().del("moa:password-check:" + memberId).replaceWithVoid();
    }

    private Uni<Void> reserve(String[] keys, int... limits) {
        String[] arguments = new String[3 + keys.length * 2];
        arguments[0] = RESERVE;
        arguments[1] = Integer.toString(keys.length);
        System.arraycopy(keys, 0, arguments, 2, keys.length);
        arguments[2 + keys.length] = Long.toString(config.failureWindow().toMillis());
        for (int i = 0; i < limits.length; i++) {
            arguments[3 + keys.length + i] = Integer.toString(limits[i]);
        }
        return redis.execute("EVAL", arguments).invoke(waitMillis -> {
            long wait = waitMillis.toLong();
            if (wait > 0) {
                throw ProblemException.tooManyRequests("Too many failed attempts; try again later",
                        (wait + 999) / 1000);
            }
        }).replaceWithVoid();
    }

    private static String emailKey(String email) {
        return "moa:login:fail:email:" + sha256(email);
    }

    private static String addressKey(String address) {
        return "moa:login:fail:addr:" + address;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
