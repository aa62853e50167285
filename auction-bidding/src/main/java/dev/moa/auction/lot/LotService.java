package dev.moa.auction.lot;

import dev.moa.auction.AuctionConfig;
import dev.moa.auction.live.LiveLots;
import dev.moa.auction.registration.Registration;
import dev.moa.auction.registration.RegistrationHolds;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.auction.LotCanceled;
import dev.moa.events.auction.LotScheduled;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Lots before and after their live phase: create, edit and cancel (sellers, admins), read and search (everyone). */
@ApplicationScoped
public class LotService {

    /** Money keeps a hold at most this long: a registration's hold must outlive the lot's latest possible end. */
    private static final Duration LONGEST_HOLD = Duration.ofDays(366);

    private final Outbox outbox;
    private final LiveLots live;
    private final RegistrationHolds holds;
    private final Validator validator;
    private final AuctionConfig.Lots config;

    public LotService(Outbox outbox, LiveLots live, RegistrationHolds holds, Validator validator,
                      AuctionConfig config) {
        this.outbox = outbox;
        this.live = live;
        this.holds = holds;
        this.validator = validator;
        this.config = config.lots();
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public Uni<Lot> create(UUID sellerId, LotTerms terms) {
        Instant now = Instant.now();
        Lot lot = new Lot();
        lot.id = UUID.randomUUID();
        lot.sellerId = sellerId;
        lot.status = LotStatus.SCHEDULED;
        lot.createdAt = now;
        apply(lot, terms, now);
        return Panache.withTransaction(() -> lot.<Lot>persist()
                .call(() -> outbox.append(Topics.AUCTION_EVENTS, new LotScheduled(lot.id, lot.sellerId, lot.title,
                        lot.artist, lot.category, lot.startPrice, lot.buyNowPrice, lot.startsAt, lot.endsAt, now))));
    }

    /** The seller's edit of a lot that has not opened; another seller's lot is not theirs to edit (403). */
    public Uni<Lot> edit(UUID caller, UUID lotId, LotEdit edit) {
        return Panache.withTransaction(() -> locked(lotId).invoke(lot -> {
            requireOwner(lot, caller);
            Instant now = Instant.now();
            if (lot.status != LotStatus.SCHEDULED || !lot.startsAt.isAfter(now)) {
                throw ProblemException.conflict("lot-not-editable", "A lot can be edited only before it opens");
            }
            LotTerms merged = edit.applyTo(lot);
            var violations = validator.validate(merged);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            apply(lot, merged, now);
        }));
    }

    /**
     * Cancels a lot: its seller before it opens, an admin until it closes. The live lot is canceled in Redis first (a
     * lot already closed there cannot be canceled), then every bidder's hold is voided.
     */
    public Uni<Lot> cancel(UUID caller, boolean admin, UUID lotId) {
        return Panache.withTransaction(() -> locked(lotId).chain(lot -> {
            if (!admin) {
                requireOwner(lot, caller);
                if (lot.status != LotStatus.SCHEDULED) {
                    throw ProblemException.conflict("lot-not-cancelable", "Only an admin can cancel a lot that opened");
                }
            }
            lot.status.to(LotStatus.CANCELED);
            Uni<String> liveCancel = lot.status == LotStatus.OPEN ? live.cancel(lot.id) : Uni.createFrom().item("");
            return liveCancel.chain(answer -> {
                if ("CLOSED".equals(answer)) {
                    throw ProblemException.conflict("lot-closed", "The lot has closed already");
                }
                lot.moveTo(LotStatus.CANCELED);
                lot.closedAt = Instant.now();
                return holds.voidAllBut(lot.id, null)
                        .chain(() -> outbox.append(Topics.AUCTION_EVENTS, new LotCanceled(lot.id, lot.sellerId,
                                admin ? "ADMIN" : "SELLER", lot.closedAt)))
                        .replaceWith(lot);
            });
        }));
    }

    public Uni<Lot> find(UUID lotId) {
        return Lot.<Lot>findById(lotId).onItem().ifNull().failWith(() -> ProblemException.notFound("The lot"));
    }

    /** The lot as {@code reader} sees it, with the live figures and the reader's standing. */
    public Uni<LotView> view(UUID lotId, UUID reader, boolean admin) {
        return Panache.withSession(() -> find(lotId).chain(lot -> live.snapshot(lotId, reader)
                .chain(snapshot -> Registration.<Registration>findById(new Registration.Key(lotId, reader))
                        .map(registration -> LotView.of(lot, snapshot, admin || lot.sellerId.equals(reader),
                                standing(lot, snapshot, registration, reader))))));
    }

    public Uni<Page<LotView>> search(LotSearch search) {
        LotSearch.Query query = search.query();
        return Panache.withSession(() -> {
            var found = Lot.<Lot>find(query.where() + " order by " + query.order(), query.parameters());
            return found.page(io.quarkus.panache.common.Page.of(search.page(), search.size())).list()
                    .chain(lots -> Lot.count(query.where(), query.parameters())
                            .map(total -> new Page<>(lots.stream().map(lot -> LotView.of(lot, null, false, null))
                                    .toList(), search.page(), search.size(), total)));
        });
    }

    private static LotView.Standing standing(Lot lot, LiveLots.Snapshot snapshot, Registration registration,
                                             UUID reader) {
        if (registration == null) {
            return null;
        }
        Boolean leading = snapshot == null || snapshot.bidCount() == 0 ? null : reader.equals(snapshot.leaderId());
        Boolean won = lot.status == LotStatus.CLOSED ? reader.equals(lot.winnerId) : null;
        return new LotView.Standing(registration.status.name(), registration.approvedLimit,
                snapshot == null ? null : snapshot.yourMaximum(), leading, won);
    }

    private static Uni<Lot> locked(UUID lotId) {
        return Lot.<Lot>findById(lotId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("The lot"));
    }

    private static void requireOwner(Lot lot, UUID caller) {
        if (!lot.sellerId.equals(caller)) {
            throw new ProblemException(403, "not-your-lot", "Forbidden", "Only the lot's seller may change it");
        }
    }

    /** Checks the terms as a whole and writes them into {@code lot}. */
    private void apply(Lot lot, LotTerms terms, Instant now) {
        Increments table = Increments.of(terms.increments() == null ? null : terms.increments().stream()
                .map(t -> new Increments.Tier(t.from(), t.increment())).toList(), LotTerms.MAX_AMOUNT);
        Long reserve = terms.reservePrice();
        Long buyNow = terms.buyNowPrice();
        if (reserve != null && reserve < terms.startPrice()) {
            throw unprocessable("The reserve cannot be below the start price");
        }
        if (buyNow != null && (buyNow <= terms.startPrice() || reserve != null && buyNow < reserve)) {
            throw unprocessable("The buy-now price must be above the start price and not below the reserve");
        }
        if (!terms.startsAt().isAfter(now) || terms.startsAt().isAfter(now.plus(config.maxLead()))) {
            throw unprocessable("A lot starts in the future, within " + config.maxLead().toDays() + " days");
        }
        Duration duration = Duration.between(terms.startsAt(), terms.endsAt());
        if (duration.compareTo(config.minDuration()) < 0 || duration.compareTo(config.maxDuration()) > 0) {
            throw unprocessable("A lot runs between " + config.minDuration() + " and " + config.maxDuration());
        }
        lot.title = terms.title();
        lot.artist = terms.artist();
        lot.year = terms.year();
        lot.medium = terms.medium();
        lot.dimensions = terms.dimensions();
        lot.description = terms.description();
        lot.imageUrls = terms.imageUrls() == null ? "" : String.join("\n", terms.imageUrls());
        lot.category = terms.category();
        lot.startPrice = terms.startPrice();
        lot.reservePrice = reserve;
        lot.buyNowPrice = buyNow;
        lot.increments = table.text();
        lot.startsAt = terms.startsAt();
        lot.endsAt = terms.endsAt();
        lot.softCloseSeconds = terms.softCloseOrDefault();
        lot.extensionSeconds = terms.extensionOrDefault();
        lot.maxExtensions = terms.maxExtensionsOrDefault();
        lot.updatedAt = now;
        if (lot.latestPossibleEnd().plus(config.holdGrace()).isAfter(now.plus(LONGEST_HOLD))) {
            throw unprocessable("The lot would end too late for its bidders' holds");
        }
    }

    private static ProblemException unprocessable(String detail) {
        return ProblemException.unprocessable("invalid-lot", detail);
    }
}
