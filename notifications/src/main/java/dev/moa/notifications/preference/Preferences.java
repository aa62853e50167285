package dev.moa.notifications.preference;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Channel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A member's preferences per category and channel. Every channel is on unless the member switched it off; mandatory
 * categories (security, account, receipts) are always on and cannot be switched off. Calls run in a session or
 * transaction.
 */
@ApplicationScoped
public class Preferences {

    private static final String UPSERT = """
            insert into preferences (member_id, category, channel, enabled, updated_at) values (?1, ?2, ?3, ?4, now())
            on conflict (member_id, category, channel) do update set enabled = excluded.enabled, updated_at = now()""";

    /** One category's settings, as the API shows them. */
    public record Setting(Category category, boolean mandatory, boolean email, boolean inApp) {
    }

    /** The channels on which {@code memberId} wants to hear about {@code category}. */
    public Uni<Set<Channel>> channels(UUID memberId, Category category) {
        if (category.mandatory()) {
            return Uni.createFrom().item(EnumSet.allOf(Channel.class));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select channel from preferences where member_id = ?1 and category = ?2 and not enabled",
                        String.class)
                .setParameter(1, memberId).setParameter(2, category.name()).getResultList())
                .map(off -> {
                    Set<Channel> on = EnumSet.allOf(Channel.class);
                    off.forEach(channel -> on.remove(Channel.valueOf(channel)));
                    return on;
                });
    }

    /** Every category's settings for {@code memberId}. */
    public Uni<List<Setting>> settings(UUID memberId) {
        return Panache.getSession().chain(session -> session.<Object[]>createNativeQuery(
                        "select category, channel from preferences where member_id = ?1 and not enabled", Object[].class)
                .setParameter(1, memberId).getResultList())
                .map(rows -> {
                    Set<String> off = new HashSet<>();
                    rows.forEach(row -> off.add(row[0] + "/" + row[1]));
                    return Arrays.stream(Category.values()).map(category -> new Setting(category,
                            category.mandatory(),
                            category.mandatory() || !off.contains(category.name() + "/" + Channel.EMAIL),
                            category.mandatory() || !off.contains(category.name() + "/" + Channel.IN_APP))).toList();
                });
    }

    /** Switches one channel of one category; a mandatory category cannot be switched off (422). */
    public Uni<Void> set(UUID memberId, Category category, Channel channel, boolean enabled) {
        if (category.mandatory() && !enabled) {
            return Uni.createFrom().failure(mandatory(category));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, memberId).setParameter(2, category.name()).setParameter(3, channel.name())
                .setParameter(4, enabled).executeUpdate()).replaceWithVoid();
    }

    public static ProblemException mandatory(Category category) {
        return ProblemException.unprocessable("preference-mandatory",
                category + " notices are receipts or security notices and cannot be switched off");
    }
}
