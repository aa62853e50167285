package dev.moa.membership.member;

import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A member of Moa. The e-mail is kept lower-case; the password only as a bcrypt hash. */
@Entity
@Table(name = "members")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    public String name;

    @Enumerated(EnumType.STRING)
    public Region region;

    public String phone;

    public String locale;

    public boolean seller;

    public boolean admin;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    @Version
    public long version;

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static Uni<Member> findByEmail(String email) {
        return find("lower(email) = ?1", normalizeEmail(email)).firstResult();
    }

    /** The roles a token carries: every member is a MEMBER; SELLER and ADMIN are granted. */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(Roles.MEMBER);
        if (seller) {
            roles.add(Roles.SELLER);
        }
        if (admin) {
            roles.add(Roles.ADMIN);
        }
        return roles;
    }
}
