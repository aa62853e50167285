package dev.moa.notifications.recipient;

import dev.moa.notifications.template.Locales;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The service's own copy of members, groups and group roles, kept from {@code membership.events}. Calls run inside
 * the consumer's transaction (or a session).
 */
@ApplicationScoped
public class Directory {

    private static final String UPSERT_RECIPIENT = """
            insert into recipients (member_id, email, name, locale, updated_at) values (?1, ?2, ?3, ?4, ?5)
            on conflict (member_id) do update
                set email = excluded.email, name = excluded.name, locale = excluded.locale,
                    updated_at = excluded.updated_at
                where recipients.updated_at <= excluded.updated_at""";
    private static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 320;

    /** Keeps the member's e-mail, name and locale as of {@code at}; an older copy never replaces a newer one. */
    public Uni<Void> keepRecipient(UUID memberId, String email, String name, String locale, Instant at) {
        if (memberId == null || email == null || email.isBlank() || email.length() > MAX_EMAIL || !email.contains("@")
                || email.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new IllegalArgumentException("a recipient needs a member id and a plain e-mail address");
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT_RECIPIENT)
                .setParameter(1, memberId)
                .setParameter(2, email.trim())
                .setParameter(3, clip(name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name))
                .setParameter(4, Locales.of(locale))
                .setParameter(5, at == null ? Instant.now() : at)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Recipient> recipient(UUID memberId) {
        return Recipient.findById(memberId);
    }

    /** The member's name for a message, or null when notifications has not learnt of them (yet). */
    public Uni<String> nameOf(UUID memberId) {
        if (memberId == null) {
            return Uni.createFrom().nullItem();
        }
        return recipient(memberId).map(recipient -> recipient == null ? null : recipient.name);
    }

    public Uni<Void> keepGroup(UUID groupId, String name) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into groups (group_id, name) values (?1, ?2) "
                                + "on conflict (group_id) do update set name = excluded.name")
                .setParameter(1, groupId).setParameter(2, clip(name)).executeUpdate()).replaceWithVoid();
    }

    /** The group's name, or null when it is not a group this service knows. */
    public Uni<String> groupName(UUID groupId) {
        if (groupId == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select name from groups where group_id = ?1", String.class)
                .setParameter(1, groupId).getResultList())
                .map(names -> names.isEmpty() ? null : names.get(0));
    }

    public Uni<Void> setRole(UUID groupId, UUID memberId, String role) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into group_roles (group_id, member_id, role) values (?1, ?2, ?3) "
                                + "on conflict (group_id, member_id) do update set role = excluded.role")
                .setParameter(1, groupId).setParameter(2, memberId).setParameter(3, role)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> removeRole(UUID groupId, UUID memberId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from group_roles where group_id = ?1 and member_id = ?2")
                .setParameter(1, groupId).setParameter(2, memberId).executeUpdate()).replaceWithVoid();
    }

    /** The members who manage the group's money: its owner and treasurers. */
    public Uni<List<UUID>> managersOf(UUID groupId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select member_id from group_roles where group_id = ?1 and role in ('OWNER', 'TREASURER') "
                                + "order by member_id limit 100", UUID.class)
                .setParameter(1, groupId).getResultList());
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        return trimmed.length() <= MAX_NAME ? trimmed : trimmed.substring(0, MAX_NAME);
    }
}
