package dev.moa.auction.registration;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.money.VoidHold;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Releases the holds of a lot's bidders when it closes or is canceled: a VoidHold for every hold but the winner's,
 * through the outbox in the caller's transaction. Each VoidHold's command id follows from the hold id, so a close that
 * is retried sends the same commands again and money applies each once.
 */
@ApplicationScoped
public class RegistrationHolds {

    private final Outbox outbox;

    public RegistrationHolds(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Voids every hold on {@code lotId} except the winner's approved one; returns that one ({@code null} if none). */
    public Uni<UUID> voidAllBut(UUID lotId, UUID winnerId) {
        return Registration.<Registration>list("lotId", lotId).chain(registrations -> {
            UUID kept = null;
            List<UUID> released = new ArrayList<>();
            for (Registration registration : registrations) {
                if (registration.bidderId.equals(winnerId) && registration.holdId != null) {
                    kept = registration.holdId;
                } else if (registration.holdId != null) {
                    released.add(registration.holdId);
                }
                if (registration.pendingHoldId != null) {
                    released.add(registration.pendingHoldId);
                }
            }
            UUID winnerHold = kept;
            return Multi.createFrom().iterable(released)
                    .onItem().transformToUniAndConcatenate(this::voidHold)
                    .collect().last().replaceWith(winnerHold);
        });
    }

    /** Appends a VoidHold of {@code holdId} (command id derived from the hold, so a repeat is the same command). */
    public Uni<UUID> voidHold(UUID holdId) {
        Objects.requireNonNull(holdId);
        UUID commandId = UUID.nameUUIDFromBytes(("void:" + holdId).getBytes(StandardCharsets.UTF_8));
        return outbox.append(Topics.MONEY_COMMANDS, new VoidHold(commandId, holdId));
    }
}
