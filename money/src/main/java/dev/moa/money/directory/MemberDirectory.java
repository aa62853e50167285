package dev.moa.money.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;
import java.util.UUID;

/** Money's copy of a member's e-mail and region, kept from membership's events. */
@Entity
@Table(name = "member_directory")
public class MemberDirectory extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    public String email;

    public String region;

    /** The member with this e-mail, or null (also when, for a moment, two claim it during e-mail changes). */
    public static Uni<MemberDirectory> byEmail(String email) {
        return MemberDirectory.<MemberDirectory>list("lower(email) = ?1", email.trim().toLowerCase(Locale.ROOT))
                .map(found -> found.size() == 1 ? found.get(0) : null);
    }
}
