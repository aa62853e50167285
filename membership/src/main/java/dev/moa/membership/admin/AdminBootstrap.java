package dev.moa.membership.admin;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.membership.MembershipConfig;
import dev.moa.membership.member.Member;
import dev.moa.membership.member.MemberService;
import dev.moa.membership.member.Passwords;
import dev.moa.membership.member.Region;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/**
 * Creates the first admin from {@code MOA_ADMIN_EMAIL} / {@code MOA_ADMIN_PASSWORD} at start when no member has that
 * e-mail; an existing member with it is made admin, and its password is left alone.
 */
@ApplicationScoped
public class AdminBootstrap {

    private final MembershipConfig config;
    private final MemberService members;
    private final Passwords passwords;

    public AdminBootstrap(MembershipConfig config, MemberService members, Passwords passwords) {
        this.config = config;
        this.members = members;
        this.passwords = passwords;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.admin().email().isEmpty() || config.admin().password().isEmpty()) {
            Log.info("no first admin configured (MOA_ADMIN_EMAIL, MOA_ADMIN_PASSWORD)");
            return;
        }
        String email = config.admin().email().get();
        String password = config.admin().password().get();
        if (password.length() < 10) {
            throw new IllegalStateException("MOA_ADMIN_PASSWORD must have at least 10 characters");
        }
        VertxContextSupport.subscribeAndAwait(() -> ensureAdmin(email, password));
    }

    /**
     * Nobody proves they own an e-mail address, so a member who happens to hold the configured address is made admin
     * only if they also know the configured password; otherwise nothing changes and an operator is told.
     */
    private Uni<Void> ensureAdmin(String email, String password) {
        return Panache.withSession(() -> Member.findByEmail(email)).chain(existing -> {
            if (existing == null) {
                return passwords.hash(password)
                        .chain(hash -> members.register(email, hash, "Administrator", Region.SEOUL, null, "en", true))
                        .invoke(admin -> Log.infof("first admin created: %s", admin.id()))
                        .onFailure(e -> e instanceof ProblemException problem && problem.status() == 409)
                        .recoverWithItem(() -> {
                            Log.info("first admin created by another instance");
                            return null;
                        })
                        .replaceWithVoid();
            }
            if (existing.admin) {
                return Uni.createFrom().voidItem();
            }
            return passwords.matches(password, existing.passwordHash).chain(matches -> {
                if (!matches) {
                    Log.errorf("MOA_ADMIN_EMAIL belongs to member %s, who is not an admin and whose password differs "
                            + "from MOA_ADMIN_PASSWORD: not promoted", existing.id);
                    return Uni.createFrom().voidItem();
                }
                return Panache.withTransaction(() -> Member.<Member>findById(existing.id).invoke(member -> {
                    member.admin = true;
                    member.updatedAt = Instant.now();
                })).invoke(() -> Log.infof("member %s made admin from configuration", existing.id)).replaceWithVoid();
            });
        });
    }
}
