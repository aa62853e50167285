package dev.moa.banking.member;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.events.EventJson;
import dev.moa.events.membership.MemberRegistered;
import dev.moa.events.membership.MemberUpdated;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps banking's copy of member names from {@code membership.events} (MemberRegistered, MemberUpdated; other events
 * are skipped). Each event is applied once (inbox); an older event never overwrites a newer name. A failing event is
 * retried with back-off; one that cannot be read goes to {@code banking.membership-events.dead-letter}.
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "banking.membership-events";
    private static final String UPSERT = "insert into members (member_id, name, updated_at) values (?1, ?2, ?3) "
            + "on conflict (member_id) do update set name = excluded.name, updated_at = excluded.updated_at "
            + "where members.updated_at <= excluded.updated_at";

    private final Inbox inbox;

    public MembershipEventsConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("membership-events")
    public Uni<Void> consume(Message<String> message) {
        String type = Inbox.eventType(message);
        return Uni.createFrom().item(() -> Inbox.eventId(message))
                .chain(eventId -> inbox.handleOnce(CONSUMER, eventId, () -> apply(type, message.getPayload())))
                .plug(handling -> Inbox.untilApplied("membership-events", handling))
                .chain(applied -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("membership event %s not applied, to the dead-letter topic: %s", type, e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    private Uni<?> apply(String type, String payload) {
        if (type == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("event without a type"));
        }
        return switch (type) {
            case "dev.moa.membership.MemberRegistered" -> {
                MemberRegistered event = read(payload, MemberRegistered.class);
                yield remember(event.memberId(), event.name(), event.occurredAt());
            }
            case "dev.moa.membership.MemberUpdated" -> {
                MemberUpdated event = read(payload, MemberUpdated.class);
                yield remember(event.memberId(), event.name(), event.occurredAt());
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    private static Uni<?> remember(UUID memberId, String name, Instant at) {
        if (memberId == null || name == null || name.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("a member event without id or name"));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, memberId)
                .setParameter(2, name)
                .setParameter(3, at == null ? Instant.now() : at)
                .executeUpdate());
    }

    private static <T> T read(String payload, Class<T> type) {
        try {
            return EventJson.mapper().readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
