package dev.moa.membership.auth;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.membership.MembershipConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts failed logins in Redis per e-mail and per client address within a window; past the limit a login is
 * answered 429 with {@code Retry-After} before the password is even checked. A success clears the e-mail's count.
 * The e-mail is hashed in the key, so Redis holds no address.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Counts one failure and starts the window on the first one, atomically. */
    private static final String COUNT_FAILURE = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""";

    private final ReactiveRedisDataSource redis;
    private final MembershipConfig.Login config;

    public LoginThrottle(ReactiveRedisDataSource redis, MembershipConfig config) {
        this.redis = redis;
        this.config = config.login();
    }

    /** Fails with 429 when the e-mail or the address has used up its failures. */
    public Uni<Void> check(String email, String address) {
        return blockedFor(emailKey(email), config.maxFailuresPerEmail())
                .chain(emailWait -> blockedFor(addressKey(address), config.maxFailuresPerAddress())
                        .map(addressWait -> Math.max(emailWait, addressWait)))
                .invoke(wait -> {
                    if (wait > 0) {
                        throw ProblemException.tooManyRequests("Too many failed logins; try again later", wait);
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> recordFailure(String email, String address) {
        long window = config.failureWindow().toMillis();
        return count(emailKey(email), window).chain(() -> count(addressKey(address), window)).replaceWithVoid();
    }

    public Uni<Void> recordSuccess(String email) {
        return redis.key().del(emailKey(email)).replaceWithVoid();
    }

    /** Seconds until the key's window ends if its count reached {@code limit}, else 0. */
    private Uni<Long> blockedFor(String key, int limit) {
        return redis.value(Long.class).get(key).chain(count -> {
            if (count == null || count < limit) {
                return Uni.createFrom().item(0L);
            }
            return redis.key().pttl(key).map(ttl -> Math.max(1, (ttl + 999) / 1000));
        });
    }

    private Uni<Response> count(String key, long windowMillis) {
        return redis.execute("EVAL", COUNT_FAILURE, "1", key, Long.toString(windowMillis));
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
