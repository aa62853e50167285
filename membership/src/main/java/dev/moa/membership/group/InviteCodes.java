package dev.moa.membership.group;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Invite codes: 256 random bits from {@link SecureRandom}, URL-safe Base64 without padding (43 characters). Only the
 * SHA-256 of a code is stored; a plain hash suffices because the code has full entropy (nothing to guess or
 * precompute), unlike a password.
 */
final class InviteCodes {

    static final int RANDOM_BYTES = 32;
    /** What a code looks like; anything else cannot be a code and is refused before a lookup. */
    static final String PATTERN = "[A-Za-z0-9_-]{43}";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private InviteCodes() {
    }

    static String newCode() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
