package dev.moa.notifications.unsubscribe;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.notifications.NotificationsConfig;
import dev.moa.notifications.notice.Category;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signed one-click unsubscribe tokens: {@code base64url("1|<member>|<category>|<expires epoch s>")} + {@code .} +
 * {@code base64url(HMAC-SHA256)}. Whoever holds a token may switch that one category's e-mail off for that one member
 * until it expires, and nothing else. The key comes from configuration ({@code MOA_UNSUBSCRIBE_KEY}); a previous key
 * is still accepted during a rotation. Created at start, so that a key too short stops the service at once.
 */
@Startup
@ApplicationScoped
public class UnsubscribeTokens {

    /** What a valid token allows. */
    public record Claim(UUID memberId, Category category, Instant expiresAt) {
    }

    static final int MAX_LENGTH = 400;
    private static final int MIN_KEY_LENGTH = 32;
    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final List<byte[]> accepted = new ArrayList<>();
    private final NotificationsConfig.Unsubscribe config;
    private final Clock clock = Clock.systemUTC();

    public UnsubscribeTokens(NotificationsConfig config) {
        this.config = config.unsubscribe();
        this.key = this.config.key().map(UnsubscribeTokens::checked).orElseGet(UnsubscribeTokens::ephemeralKey);
        accepted.add(key);
        this.config.previousKey().map(UnsubscribeTokens::checked).ifPresent(accepted::add);
    }

    /** A token for {@code memberId} and {@code category}, valid for the configured time. */
    public String mint(UUID memberId, Category category) {
        return mint(memberId, category, clock.instant().plus(config.validity()));
    }

    public String mint(UUID memberId, Category category, Instant expiresAt) {
        if (category.mandatory()) {
            throw new IllegalArgumentException(category + " cannot be unsubscribed from");
        }
        String payload = VERSION + "|" + memberId + "|" + category.name() + "|" + expiresAt.getEpochSecond();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(key, bytes));
    }

    /**
     * What {@code token} allows.
     *
     * @throws ProblemException 400 when it is malformed or its signature is not ours, 410 when it has expired
     */
    public Claim verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw invalid();
        }
        if (dot <= 0 || accepted.stream().noneMatch(k -> MessageDigest.isEqual(sign(k, payload), signature))) {
            throw invalid();
        }
        Claim claim = parse(new String(payload, StandardCharsets.UTF_8));
        if (!clock.instant().isBefore(claim.expiresAt())) {
            throw new ProblemException(410, "unsubscribe-link-expired", "Unsubscribe link expired",
                    "This unsubscribe link has expired; change your preferences in the app instead");
        }
        return claim;
    }

    private static Claim parse(String payload) {
        String[] parts = payload.split("\\|");
        try {
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            Category category = Category.valueOf(parts[2]);
            if (category.mandatory()) {
                throw invalid();
            }
            return new Claim(UUID.fromString(parts[1]), category, Instant.ofEpochSecond(Long.parseLong(parts[3])));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("unsubscribe-link-invalid",
                "This unsubscribe link is not valid; use the link of a mail as it came, or the app's preferences");
    }

    private static byte[] sign(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] checked(String key) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("moa.notifications.unsubscribe.key (MOA_UNSUBSCRIBE_KEY) needs at least "
                    + MIN_KEY_LENGTH + " characters");
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ephemeralKey() {
        Log.warn("MOA_UNSUBSCRIBE_KEY is not set: unsubscribe links are signed with a random key of this instance and "
                + "stop working when it restarts; set the key in production");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
