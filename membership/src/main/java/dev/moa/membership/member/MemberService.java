package dev.moa.membership.member;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.Constraints;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.membership.MemberRegistered;
import dev.moa.events.membership.MemberUpdated;
import dev.moa.membership.auth.LoginThrottle;
import dev.moa.membership.auth.TokenFamily;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.text.Normalizer;
import java.time.Instant;
import java.util.UUID;

/** Sign-up and a member's own profile, password and e-mail. Every change emits its event through the outbox. */
@ApplicationScoped
public class MemberService {

    private final Passwords passwords;
    private final Outbox outbox;
    private final LoginThrottle throttle;

    public MemberService(Passwords passwords, Outbox outbox, LoginThrottle throttle) {
        this.passwords = passwords;
        this.outbox = outbox;
        this.throttle = throttle;
    }

    public Uni<MemberView> signUp(MemberRequests.SignUp request) {
        passwords.requireUncommon(request.password());
        return passwords.hash(request.password()).chain(hash -> register(request.email(), hash, request.name(),
                request.region(), request.phone(), request.locale(), false));
    }

    /** Creates a member from an already hashed password; 409 if the e-mail is taken. */
    public Uni<MemberView> register(String email, String passwordHash, String name, Region region, String phone,
                                    String locale, boolean admin) {
        Instant now = Instant.now();
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.email = Member.normalizeEmail(email);
        member.passwordHash = passwordHash;
        member.name = text(name);
        member.region = region;
        member.phone = blankToNull(phone);
        member.locale = locale == null ? "ko" : locale;
        member.admin = admin;
        member.createdAt = now;
        member.updatedAt = now;
        member.passwordChangedAt = now;
        return Panache.withTransaction(() -> Member.findByEmail(member.email)
                        .invoke(existing -> {
                            if (existing != null) {
                                throw emailTaken();
                            }
                        })
                        .chain(() -> member.persistAndFlush())
                        .chain(() -> outbox.append(Topics.MEMBERSHIP_EVENTS, new MemberRegistered(member.id,
                                member.email, member.name, member.region.name(), member.locale, now))))
                .onFailure(Constraints::isUniqueViolation).transform(e -> emailTaken())
                .replaceWith(() -> MemberView.of(member));
    }

    public Uni<MemberView> find(UUID memberId) {
        return Panache.withSession(() -> existing(memberId)).map(MemberView::of);
    }

    public Uni<MemberView> update(UUID memberId, MemberRequests.ProfilePatch patch) {
        return Panache.withTransaction(() -> existing(memberId).chain(member -> {
            if (patch.name() != null) {
                if (patch.name().isBlank()) {
                    throw ProblemException.badRequest("validation", "name: must not be blank");
                }
                member.name = text(patch.name());
            }
            if (patch.region() != null) {
                member.region = patch.region();
            }
            if (patch.phone() != null) {
                member.phone = blankToNull(patch.phone());
            }
            if (patch.locale() != null) {
                member.locale = patch.locale();
            }
            return changed(member);
        }));
    }

    /** Changes the password; every other session of the member ends (the calling one, {@code sessionId}, stays). */
    public Uni<Void> changePassword(UUID memberId, UUID sessionId, MemberRequests.PasswordChange change) {
        passwords.requireUncommon(change.newPassword());
        return Panache.withSession(() -> existing(memberId))
                .chain(member -> requirePassword(change.currentPassword(), member))
                .chain(() -> passwords.hash(change.newPassword()))
                .chain(hash -> Panache.withTransaction(() -> existing(memberId).chain(member -> {
                    member.passwordHash = hash;
                    member.passwordChangedAt = Instant.now();
                    member.updatedAt = member.passwordChangedAt;
                    return TokenFamily.revokeAllOf(memberId, sessionId, "password changed");
                })))
                .replaceWithVoid();
    }

    public Uni<MemberView> changeEmail(UUID memberId, MemberRequests.EmailChange change) {
        String newEmail = Member.normalizeEmail(change.newEmail());
        return Panache.withSession(() -> existing(memberId))
                .chain(member -> requirePassword(change.password(), member))
                .chain(() -> Panache.withTransaction(() -> Member.findByEmail(newEmail)
                        .chain(holder -> {
                            if (holder != null && !holder.id.equals(memberId)) {
                                throw emailTaken();
                            }
                            return existing(memberId);
                        })
                        .chain(member -> {
                            member.email = newEmail;
                            return changed(member);
                        })))
                .onFailure(Constraints::isUniqueViolation).transform(e -> emailTaken());
    }

    private Uni<MemberView> changed(Member member) {
        member.updatedAt = Instant.now();
        return member.persistAndFlush()
                .chain(() -> outbox.append(Topics.MEMBERSHIP_EVENTS, new MemberUpdated(member.id, member.email,
                        member.name, member.region.name(), member.locale, member.updatedAt)))
                .replaceWith(() -> MemberView.of(member));
    }

    /** Checks the member's current password; guesses with a stolen access token are throttled like logins. */
    private Uni<Void> requirePassword(String password, Member member) {
        String memberId = member.id.toString();
        return throttle.reservePasswordCheck(memberId)
                .chain(() -> passwords.matches(password, member.passwordHash))
                .chain(matches -> {
                    if (!matches) {
                        return Uni.createFrom().failure(new ProblemException(403, "password-incorrect",
                                "Password incorrect", "The current password is not correct"));
                    }
                    return throttle.passwordCheckSucceeded(memberId);
                });
    }

    private static Uni<Member> existing(UUID memberId) {
        return Member.<Member>findById(memberId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member " + memberId));
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("email-taken", "An account with this e-mail already exists");
    }

    /** Names are stored in NFC, trimmed, so one name has one form. */
    private static String text(String value) {
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
