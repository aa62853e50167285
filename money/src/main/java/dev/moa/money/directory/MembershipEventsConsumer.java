package dev.moa.money.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.EventJson;
import dev.moa.events.Topics;
import dev.moa.events.membership.GroupCreated;
import dev.moa.events.membership.GroupMemberJoined;
import dev.moa.events.membership.GroupMemberLeft;
import dev.moa.events.membership.GroupRoleChanged;
import dev.moa.events.membership.MemberRegistered;
import dev.moa.events.membership.MemberUpdated;
import dev.moa.events.money.WalletOpened;
import dev.moa.money.ledger.Account;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.UUID;

/**
 * Opens a wallet for every member and group, and keeps money's copy of members (e-mail, region) and group roles,
 * from {@code membership.events}. Each event is applied once (inbox); a failing one is retried with back-off, then
 * goes to the dead-letter topic with its reason.
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "money.membership-events";

    private final Inbox inbox;
    private final Outbox outbox;

    public MembershipEventsConsumer(Inbox inbox, Outbox outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
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
            case "dev.moa.membership.MemberRegistered" -> memberRegistered(read(payload, MemberRegistered.class));
            case "dev.moa.membership.MemberUpdated" -> memberUpdated(read(payload, MemberUpdated.class));
            case "dev.moa.membership.GroupCreated" -> groupCreated(read(payload, GroupCreated.class));
            case "dev.moa.membership.GroupMemberJoined" -> {
                GroupMemberJoined joined = read(payload, GroupMemberJoined.class);
                yield setRole(joined.groupId(), joined.memberId(), joined.role());
            }
            case "dev.moa.membership.GroupRoleChanged" -> {
                GroupRoleChanged changed = read(payload, GroupRoleChanged.class);
                yield setRole(changed.groupId(), changed.memberId(), changed.role());
            }
            case "dev.moa.membership.GroupMemberLeft" -> {
                GroupMemberLeft left = read(payload, GroupMemberLeft.class);
                yield GroupRole.delete("id.groupId = ?1 and id.memberId = ?2", left.groupId(), left.memberId());
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<?> memberRegistered(MemberRegistered event) {
        MemberDirectory entry = new MemberDirectory();
        entry.memberId = event.memberId();
        entry.email = event.email();
        entry.region = event.region();
        return Panache.getSession().chain(session -> session.merge(entry))
                .chain(() -> openWallet(Account.Kind.MEMBER_WALLET, event.memberId()));
    }

    private Uni<?> memberUpdated(MemberUpdated event) {
        MemberDirectory entry = new MemberDirectory();
        entry.memberId = event.memberId();
        entry.email = event.email();
        entry.region = event.region();
        return Panache.getSession().chain(session -> session.merge(entry));
    }

    private Uni<?> groupCreated(GroupCreated event) {
        return openWallet(Account.Kind.GROUP_WALLET, event.groupId());
    }

    private static Uni<?> setRole(UUID groupId, UUID memberId, String role) {
        GroupRole entry = new GroupRole();
        entry.id = new GroupRole.Key(groupId, memberId);
        entry.role = role;
        return Panache.getSession().chain(session -> session.merge(entry));
    }

    /** Opens the owner's wallet unless it exists; announces it with WalletOpened. */
    private Uni<?> openWallet(Account.Kind kind, UUID ownerId) {
        return Account.walletOf(kind, ownerId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Account wallet = new Account();
            wallet.id = UUID.randomUUID();
            wallet.kind = kind;
            wallet.ownerId = ownerId;
            wallet.currency = Account.KRW;
            wallet.noOverdraft = true;
            wallet.createdAt = Instant.now();
            return wallet.persist().chain(() -> outbox.append(Topics.MONEY_EVENTS, new WalletOpened(wallet.id,
                    kind == Account.Kind.GROUP_WALLET ? "GROUP" : "MEMBER", ownerId, wallet.currency,
                    wallet.createdAt)));
        });
    }

    private static <T> T read(String payload, Class<T> type) {
        try {
            return EventJson.mapper().readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
