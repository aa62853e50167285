package dev.moa.payment.order;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.auction.LotClosed;
import dev.moa.events.auction.RegistrationApproved;
import dev.moa.events.money.AccountRef;
import dev.moa.events.money.CaptureHold;
import dev.moa.events.money.LinkedTransfer;
import dev.moa.events.money.MoneyCommand;
import dev.moa.events.money.Transfer;
import dev.moa.events.payment.AuctionPaymentCompleted;
import dev.moa.events.payment.AuctionPaymentFailed;
import dev.moa.payment.money.MoneyAnswer;
import dev.moa.payment.fee.BasisPoints;
import dev.moa.payment.money.MoneyAnswerHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Won lots paid exactly once. On LotClosed SOLD one order per lot (the unique lot id; the order id is derived from the
 * lot id) and, in the same transaction, one CaptureHold through the outbox, whose command id and transfer ids are
 * derived from the order: a redelivered LotClosed finds the order and sends nothing, and a command the relay sends
 * twice is one charge in money.
 *
 * <p>How the money flows (all in money's one transaction, all or none): the capture moves what the winner's hold
 * covers of the total into ESCROW (the rest of the hold is released); when the total is above the hold, a linked
 * PAYMENT moves the difference from the winner's wallet into ESCROW; then ESCROW pays the hammer price to
 * SETTLEMENT_PAYABLE (the seller's proceeds, paid out by settlement) and the premium to FEES_REVENUE (kind FEE).
 * ESCROW ends where it started. Money answers HoldCaptured (PAID) or HoldCaptureFailed (PAYMENT_FAILED, nothing
 * moved). RESERVE_NOT_MET and UNSOLD make no order and no charge.
 */
@ApplicationScoped
public class OrderService implements MoneyAnswerHandler {

    static final int MAX_REFERENCE = 200;
    private static final String REMEMBER_HOLD = "insert into lot_holds (hold_id, lot_id, bidder_id, amount, "
            + "approved_at) values (?1, ?2, ?3, ?4, ?5) on conflict (hold_id) do nothing";
    private static final String HOLD_AMOUNT = "select amount from lot_holds where hold_id = ?1 and lot_id = ?2 "
            + "and bidder_id = ?3";
    private static final String INSERT = """
            insert into orders (id, lot_id, buyer_id, seller_id, hammer_price, premium_bps, premium, total, hold_id,
                from_hold, from_wallet, command_id, status, closed_at, created_at, updated_at, kind, runner_up_id,
                runner_up_maximum)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'PENDING', ?13, ?14, ?14, ?15, ?16, ?17)
            on conflict (lot_id, kind) do nothing""";

    private final Outbox outbox;
    private final OrderConfig config;
    private final SecondChance secondChance;
    private final Clock clock;

    public OrderService(Outbox outbox, OrderConfig config, SecondChance secondChance, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.secondChance = secondChance;
        this.clock = clock;
    }

    /** Remembers the hold of an approved registration (how much of a win it covers). */
    public Uni<Void> registrationApproved(RegistrationApproved approved) {
        if (approved.holdId() == null || approved.bidderId() == null || approved.limit() <= 0) {
            throw new IllegalArgumentException("RegistrationApproved without its hold");
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(REMEMBER_HOLD)
                .setParameter(1, approved.holdId())
                .setParameter(2, approved.lotId())
                .setParameter(3, approved.bidderId())
                .setParameter(4, approved.limit())
                .setParameter(5, approved.occurredAt() == null ? Instant.now(clock) : approved.occurredAt())
                .executeUpdate()).replaceWithVoid();
    }

    /** Makes the order of a sold lot and asks money for the charge, once per lot; anything else makes nothing. */
    public Uni<Boolean> lotClosed(LotClosed closed) {
        if (!LotClosed.SOLD.equals(closed.outcome())) {
            return Uni.createFrom().item(false);
        }
        if (closed.winnerId() == null || closed.sellerId() == null || closed.holdId() == null
                || closed.hammerPrice() == null || closed.hammerPrice() <= 0) {
            throw new IllegalArgumentException("LotClosed SOLD without its winner, hammer price or hold");
        }
        return holdAmount(closed).chain(holdAmount -> {
            Order order;
            try {
                order = terms(closed, holdAmount);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("LotClosed with a hammer price too large to charge", e);
            }
            return place(order, capture(order));
        });
    }

    @Override
    public Uni<Boolean> onAnswer(MoneyAnswer answer) {
        return Order.<Order>find("commandId", answer.commandId()).firstResult().chain(order -> {
            if (order == null) {
                return Uni.createFrom().item(false);
            }
            if (order.status != OrderStatus.PENDING) {
                return Uni.createFrom().item(true);
            }
            Instant now = Instant.now(clock);
            order.status = answer.ok() ? OrderStatus.PAID : OrderStatus.PAYMENT_FAILED;
            order.failureReason = answer.ok() ? null : answer.reason();
            order.updatedAt = now;
            return outbox.append(Topics.PAYMENT_EVENTS, answer.ok()
                    ? new AuctionPaymentCompleted(order.id, order.lotId, order.buyerId, order.sellerId,
                    order.hammerPrice, order.premium, order.total, now)
                    : new AuctionPaymentFailed(order.id, order.lotId, order.buyerId, order.sellerId, order.total,
                    answer.reason(), now))
                    .chain(() -> answer.ok() ? Uni.createFrom().voidItem() : secondChance.offer(order, now))
                    .replaceWith(true);
        });
    }

    /** The order's id: one per lot, the same on every redelivery. */
    public static UUID orderIdOf(UUID lotId) {
        return derived("payment:lot:" + lotId);
    }

    private Order terms(LotClosed closed, Long holdAmount) {
        Order order = new Order();
        order.id = orderIdOf(closed.lotId());
        order.kind = Order.Kind.WIN;
        order.lotId = closed.lotId();
        order.buyerId = closed.winnerId();
        order.sellerId = closed.sellerId();
        order.hammerPrice = closed.hammerPrice();
        order.premiumBps = config.premiumBps();
        order.premium = BasisPoints.of(order.hammerPrice, order.premiumBps);
        order.total = Math.addExact(order.hammerPrice, order.premium);
        order.holdId = closed.holdId();
        // An unknown hold (its approval never reached payment) is asked for the whole total; money refuses a capture
        // above the hold (EXCEEDS_HOLD) and the order fails instead of taking the wrong amount.
        order.fromHold = holdAmount == null ? order.total : Math.min(order.total, holdAmount);
        order.fromWallet = order.total - order.fromHold;
        order.commandId = derived("payment:order:" + order.id + ":command");
        order.status = OrderStatus.PENDING;
        order.closedAt = closed.closedAt() == null ? Instant.now(clock) : closed.closedAt();
        boolean runnerUp = closed.runnerUpId() != null && closed.runnerUpMaximum() != null
                && closed.runnerUpMaximum() > 0 && !closed.runnerUpId().equals(closed.winnerId());
        order.runnerUpId = runnerUp ? closed.runnerUpId() : null;
        order.runnerUpMaximum = runnerUp ? closed.runnerUpMaximum() : null;
        order.createdAt = Instant.now(clock);
        return order;
    }

    private static CaptureHold capture(Order order) {
        String reference = "lot:" + order.lotId;
        AccountRef escrow = AccountRef.system("ESCROW");
        List<LinkedTransfer> linked = new ArrayList<>();
        if (order.fromWallet > 0) {
            linked.add(new LinkedTransfer(leg(order, "wallet"), AccountRef.member(order.buyerId), escrow,
                    order.fromWallet, "PAYMENT", reference, "Won lot: the part above the hold"));
        }
        linked.add(new LinkedTransfer(leg(order, "proceeds"), escrow, AccountRef.system("SETTLEMENT_PAYABLE"),
                order.hammerPrice, "PAYMENT", reference, "Won lot: the seller's proceeds"));
        if (order.premium > 0) {
            linked.add(new LinkedTransfer(leg(order, "premium"), escrow, AccountRef.system("FEES_REVENUE"),
                    order.premium, "FEE", reference, "Won lot: the buyer's premium"));
        }
        return new CaptureHold(order.commandId, order.holdId, leg(order, "capture"), escrow, order.fromHold, "PAYMENT",
                reference, "Won lot", linked);
    }

    private Uni<Long> holdAmount(LotClosed closed) {
        return Panache.getSession().chain(session -> session.createNativeQuery(HOLD_AMOUNT, Long.class)
                .setParameter(1, closed.holdId())
                .setParameter(2, closed.lotId())
                .setParameter(3, closed.winnerId())
                .getResultList()).map(amounts -> amounts.isEmpty() ? null : amounts.get(0));
    }

    /**
     * Records {@code order} (PENDING) and, if it is new, its money command through the outbox, in the caller's
     * transaction; {@code false} when the lot already has an order of that kind (nothing is sent).
     */
    Uni<Boolean> place(Order order, MoneyCommand command) {
        return insert(order).chain(inserted -> inserted == 1
                ? outbox.append(Topics.MONEY_COMMANDS, command).replaceWith(true)
                : Uni.createFrom().item(false));
    }

    private static Uni<Integer> insert(Order order) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, order.id)
                .setParameter(2, order.lotId)
                .setParameter(3, order.buyerId)
                .setParameter(4, order.sellerId)
                .setParameter(5, order.hammerPrice)
                .setParameter(6, order.premiumBps)
                .setParameter(7, order.premium)
                .setParameter(8, order.total)
                .setParameter(9, order.holdId)
                .setParameter(10, order.fromHold)
                .setParameter(11, order.fromWallet)
                .setParameter(12, order.commandId)
                .setParameter(13, order.closedAt)
                .setParameter(14, order.createdAt)
                .setParameter(15, order.kind.name())
                .setParameter(16, order.runnerUpId)
                .setParameter(17, order.runnerUpMaximum)
                .executeUpdate());
    }

    /** The order of a second-chance offer accepted by the runner-up, paid from the wallet (no hold is left). */
    Order secondChanceOrder(SecondChanceOffer offer, Instant now) {
        Order order = new Order();
        order.id = derived("payment:lot:" + offer.lotId + ":second-chance");
        order.kind = Order.Kind.SECOND_CHANCE;
        order.lotId = offer.lotId;
        order.buyerId = offer.bidderId;
        order.sellerId = offer.sellerId;
        order.hammerPrice = offer.price;
        order.premiumBps = config.premiumBps();
        order.premium = BasisPoints.of(order.hammerPrice, order.premiumBps);
        order.total = Math.addExact(order.hammerPrice, order.premium);
        order.fromHold = 0;
        order.fromWallet = order.total;
        order.commandId = derived("payment:order:" + order.id + ":command");
        order.status = OrderStatus.PENDING;
        order.closedAt = now;
        order.createdAt = now;
        return order;
    }

    /** The wallet pays the total into ESCROW, which pays the seller's proceeds and the premium, all or none. */
    static Transfer walletPayment(Order order) {
        String reference = "lot:" + order.lotId;
        AccountRef escrow = AccountRef.system("ESCROW");
        List<LinkedTransfer> linked = new ArrayList<>();
        linked.add(new LinkedTransfer(leg(order, "proceeds"), escrow, AccountRef.system("SETTLEMENT_PAYABLE"),
                order.hammerPrice, "PAYMENT", reference, "Won lot: the seller's proceeds"));
        if (order.premium > 0) {
            linked.add(new LinkedTransfer(leg(order, "premium"), escrow, AccountRef.system("FEES_REVENUE"),
                    order.premium, "FEE", reference, "Won lot: the buyer's premium"));
        }
        return new Transfer(order.commandId, AccountRef.member(order.buyerId), escrow, order.total, "PAYMENT",
                reference, "Second-chance offer", linked);
    }

    private static UUID leg(Order order, String leg) {
        return derived("payment:order:" + order.id + ":" + leg);
    }

    static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
