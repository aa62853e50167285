package dev.moa.auction.registration;

import dev.moa.auction.AuctionConfig;
import dev.moa.auction.live.LiveLots;
import dev.moa.auction.lot.Lot;
import dev.moa.auction.lot.LotTerms;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.auction.RegistrationApproved;
import dev.moa.events.auction.RegistrationRejected;
import dev.moa.events.money.HoldPlaced;
import dev.moa.events.money.HoldRejected;
import dev.moa.events.money.PlaceHold;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import java.time.Instant;
import java.util.UUID;

/**
 * Registration with held funds, a saga with money: asking to bid up to a limit sends PlaceHold (through the outbox);
 * money's HoldPlaced approves it (and the limit reaches Redis, where the bid script reads it), HoldRejected refuses
 * it. Raising the limit asks for a new hold for the whole new limit; once it is placed the old one is voided.
 */
@ApplicationScoped
public class RegistrationService {

    private final Outbox outbox;
    private final LiveLots live;
    private final RegistrationHolds holds;
    private final AuctionConfig.Lots config;

    public RegistrationService(Outbox outbox, LiveLots live, RegistrationHolds holds, AuctionConfig config) {
        this.outbox = outbox;
        this.live = live;
        this.holds = holds;
        this.config = config.lots();
    }

    /** The limit a bidder asks for, in won. */
    public record Request(@Positive @Max(LotTerms.MAX_AMOUNT) long limit) {
    }

    /** A registration as its bidder sees it. */
    public record View(UUID lotId, RegistrationStatus status, Long limit, Long pendingLimit, String lastRefusal) {

        static View of(Registration registration) {
            return new View(registration.lotId, registration.status, registration.approvedLimit,
                    registration.pendingLimit, registration.lastRefusal);
        }
    }

    /** Asks money to hold {@code limit} for the bidder; runs in the caller's transaction. */
    public Uni<View> register(UUID bidder, UUID lotId, long limit) {
        return Lot.<Lot>findById(lotId, LockModeType.PESSIMISTIC_READ)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("The lot"))
                .chain(lot -> {
                    if (lot.status.isFinal()) {
                        throw ProblemException.conflict("lot-closed", "The lot takes no more registrations");
                    }
                    if (lot.sellerId.equals(bidder)) {
                        throw new ProblemException(403, "seller-cannot-register", "Forbidden",
                                "A seller cannot bid on their own lot");
                    }
                    if (limit < lot.startPrice) {
                        throw ProblemException.unprocessable("limit-too-low",
                                "The limit must be at least the start price, " + lot.startPrice);
                    }
                    return Registration.<Registration>findById(new Registration.Key(lotId, bidder),
                            LockModeType.PESSIMISTIC_WRITE).chain(existing -> ask(lot, bidder, limit, existing));
                });
    }

    public Uni<View> mine(UUID bidder, UUID lotId) {
        return Registration.<Registration>findById(new Registration.Key(lotId, bidder))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Your registration"))
                .map(View::of);
    }

    private Uni<View> ask(Lot lot, UUID bidder, long limit, Registration existing) {
        Instant now = Instant.now();
        Registration registration = existing;
        if (registration == null) {
            registration = new Registration();
            registration.lotId = lot.id;
            registration.bidderId = bidder;
            registration.createdAt = now;
        } else if (registration.pendingHoldId != null) {
            throw ProblemException.conflict("registration-pending", "Your last limit is still being held; wait "
                    + "for its answer");
        } else if (registration.approvedLimit != null && limit <= registration.approvedLimit) {
            throw ProblemException.unprocessable("limit-not-raised", "Your approved limit is "
                    + registration.approvedLimit + "; a new limit must be higher");
        }
        if (registration.status == null || registration.status == RegistrationStatus.REJECTED) {
            registration.status = RegistrationStatus.PENDING;
        }
        registration.pendingHoldId = UUID.randomUUID();
        registration.pendingLimit = limit;
        registration.lastRefusal = null;
        registration.updatedAt = now;
        Instant expiresAt = lot.latestPossibleEnd().plus(config.holdGrace());
        PlaceHold command = new PlaceHold(UUID.randomUUID(), registration.pendingHoldId, "MEMBER", bidder, limit,
                expiresAt, "lot:" + lot.id);
        Registration saved = registration;
        return saved.<Registration>persist()
                .chain(() -> outbox.append(Topics.MONEY_COMMANDS, command))
                .replaceWith(() -> View.of(saved));
    }

    /**
     * Money placed a hold; if it is one a registration waits for, approves it (voiding the hold it replaces) and lets
     * the bidder bid up to it. A hold placed for a lot that has closed meanwhile is voided at once.
     */
    public Uni<Void> holdPlaced(HoldPlaced placed) {
        return pendingFor(placed.holdId()).chain(registration -> registration == null ? Uni.createFrom().voidItem()
                : Lot.<Lot>findById(registration.lotId, LockModeType.PESSIMISTIC_READ).chain(lot -> {
                    Instant now = Instant.now();
                    registration.updatedAt = now;
                    if (lot.status.isFinal()) {
                        registration.pendingHoldId = null;
                        registration.pendingLimit = null;
                        registration.lastRefusal = "LOT_CLOSED";
                        return holds.voidHold(placed.holdId()).replaceWithVoid();
                    }
                    UUID replaced = registration.holdId;
                    long limit = registration.pendingLimit;
                    registration.status = RegistrationStatus.APPROVED;
                    registration.approvedLimit = limit;
                    registration.holdId = placed.holdId();
                    registration.pendingHoldId = null;
                    registration.pendingLimit = null;
                    Uni<?> release = replaced == null ? Uni.createFrom().voidItem() : holds.voidHold(replaced);
                    return release
                            .chain(() -> outbox.append(Topics.AUCTION_EVENTS, new RegistrationApproved(lot.id,
                                    registration.bidderId, limit, placed.holdId(), now)))
                            .chain(() -> live.approveLimit(lot.id, registration.bidderId, limit));
                }));
    }

    /** Money refused a hold a registration waits for: a first registration is rejected, a raise keeps the old limit. */
    public Uni<Void> holdRejected(HoldRejected rejected) {
        return pendingFor(rejected.holdId()).chain(registration -> {
            if (registration == null) {
                return Uni.createFrom().voidItem();
            }
            long limit = registration.pendingLimit;
            if (registration.holdId == null) {
                registration.status = RegistrationStatus.REJECTED;
            }
            registration.pendingHoldId = null;
            registration.pendingLimit = null;
            registration.lastRefusal = rejected.reason();
            registration.updatedAt = Instant.now();
            return outbox.append(Topics.AUCTION_EVENTS, new RegistrationRejected(registration.lotId,
                    registration.bidderId, limit, rejected.holdId(), rejected.reason(), registration.updatedAt))
                    .replaceWithVoid();
        });
    }

    private static Uni<Registration> pendingFor(UUID holdId) {
        return Registration.<Registration>find("pendingHoldId", holdId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
