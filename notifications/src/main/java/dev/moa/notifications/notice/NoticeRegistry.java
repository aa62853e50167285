package dev.moa.notifications.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.events.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which rule handles which event type (the CloudEvents {@code type}), collected at start from every
 * {@link NoticeRules} bean. A rule runs inside the consumer's transaction: it may update the service's own copies
 * (recipients, groups) and look things up, and returns the notices the event proves. Event types without a rule are
 * not this service's business and are skipped.
 */
@Singleton
public class NoticeRegistry {

    /** Derives the notices of one event; runs in the transaction that records the event as handled. */
    @FunctionalInterface
    public interface Rule<E> {
        Uni<List<Notice>> apply(E event);
    }

    private final Map<String, Entry<?>> rules = new HashMap<>();

    NoticeRegistry(@Any Instance<NoticeRules> sources) {
        for (NoticeRules source : sources) {
            source.register(this);
        }
    }

    /** Handles {@code eventType}, read as {@code type}, with {@code rule}. */
    public <E> NoticeRegistry on(String eventType, Class<E> type, Rule<E> rule) {
        if (rules.putIfAbsent(eventType, new Entry<>(type, rule)) != null) {
            throw new IllegalStateException("two rules for " + eventType);
        }
        return this;
    }

    /** Handles {@code eventType} with a rule that tells at most one member (null: nobody) and looks nothing up. */
    public <E> NoticeRegistry onEach(String eventType, Class<E> type, Function<E, Notice> rule) {
        return on(eventType, type, event -> {
            Notice notice = rule.apply(event);
            return Uni.createFrom().item(notice == null ? List.of() : List.of(notice));
        });
    }

    public boolean handles(String eventType) {
        return eventType != null && rules.containsKey(eventType);
    }

    /**
     * The notices {@code payload} (an event of {@code eventType}) proves. An unreadable payload or a rule that refuses
     * the event fails with {@link IllegalArgumentException}: retrying would not help, it goes to the dead-letter topic.
     */
    public Uni<List<Notice>> apply(String eventType, String payload) {
        Entry<?> entry = rules.get(eventType);
        if (entry == null) {
            return Uni.createFrom().item(List.of());
        }
        return entry.apply(payload);
    }

    private record Entry<E>(Class<E> type, Rule<E> rule) {

        Uni<List<Notice>> apply(String payload) {
            E event;
            try {
                event = EventJson.mapper().readValue(payload, type);
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e));
            }
            try {
                return rule.apply(event);
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(new IllegalArgumentException(
                        type.getSimpleName() + " refused: " + e, e));
            }
        }
    }
}
