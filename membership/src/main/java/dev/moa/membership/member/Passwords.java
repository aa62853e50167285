package dev.moa.membership.member;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.membership.MembershipConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Password policy and hashing. Hashes are bcrypt at {@code moa.membership.password.bcrypt-cost} over the SHA-256 of
 * the password (so all of a 128-character password counts; bcrypt alone reads 72 bytes). Hashing and checking run on
 * a worker thread, never on the event loop, and return to the caller's context.
 */
@Startup
@ApplicationScoped
public class Passwords {

    private final Vertx vertx;
    private final int cost;
    private final Set<String> common;
    /** Checked against when the e-mail is unknown, so that a login takes as long either way. */
    private final String decoyHash;

    public Passwords(Vertx vertx, MembershipConfig config) {
        this.vertx = vertx;
        this.cost = config.password().bcryptCost();
        this.common = loadCommonPasswords();
        this.decoyHash = BcryptUtil.bcryptHash(prehash("decoy password that matches nothing"), cost);
    }

    /** Refuses one of the 10,000 most common passwords (case-insensitively), with 422. */
    public void requireUncommon(String password) {
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw ProblemException.unprocessable("password-too-common",
                    "This password is one of the most common ones; choose another");
        }
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(prehash(password), cost)),
                false);
    }

    /** Checks {@code password} against {@code hash}, or against a decoy when there is no hash (unknown member). */
    public Uni<Boolean> matches(String password, String hash) {
        String against = hash == null ? decoyHash : hash;
        return vertx.executeBlocking(Uni.createFrom().item(() ->
                BcryptUtil.matches(prehash(password), against) && hash != null), false);
    }

    private static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> passwords = new HashSet<>(16_384);
        try (var in = Passwords.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().toLowerCase(Locale.ROOT))
                    .forEach(passwords::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
