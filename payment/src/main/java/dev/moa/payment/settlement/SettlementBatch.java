package dev.moa.payment.settlement;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.money.AccountRef;
import dev.moa.events.money.LinkedTransfer;
import dev.moa.events.money.Transfer;
import dev.moa.payment.clock.SeoulClock;
import dev.moa.payment.fee.BasisPoints;
import dev.moa.payment.merchant.Merchant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Settles one business day (Asia/Seoul): for each seller with unsettled paid orders and each merchant with unsettled
 * completed payments or refunds from before the day's end, one batch in one transaction — claim the items, fee =
 * gross × rate rounded half up to the won, net = gross − fee, and one Transfer through the outbox: SETTLEMENT_PAYABLE
 * → the seller's wallet (net, kind SETTLEMENT) with SETTLEMENT_PAYABLE → FEES_REVENUE (fee, kind FEE) linked, all or
 * none. A merchant's gross is its payments less its refunds; a day whose refunds outweigh its payments waits. The
 * batch id and command id derive from (payee, day), and the (payee, day) key is unique: a rerun, or another instance
 * at the same time, pays nothing more (its claim finds no item, or its batch row conflicts and rolls back).
 */
@ApplicationScoped
public class SettlementBatch {

    private static final String SELLERS = "select distinct seller_id from orders where status = 'PAID' "
            + "and settlement_id is null and updated_at < ?1 limit ?2";
    private static final String MERCHANTS = """
            select merchant_id from payments where status = 'COMPLETED' and settlement_id is null and completed_at < ?1
            union
            select p.merchant_id from refunds r join payments p on p.id = r.payment_id
            where r.status = 'COMPLETED' and r.settlement_id is null and r.completed_at < ?1
            limit ?2""";
    private static final String CLAIM_ORDERS = """
            with claimed as (update orders set settlement_id = ?1 where seller_id = ?2 and status = 'PAID'
                             and settlement_id is null and updated_at < ?3 returning hammer_price)
            select count(*), coalesce(sum(hammer_price), 0)::bigint from claimed""";
    private static final String CLAIM_PAYMENTS = """
            with claimed as (update payments set settlement_id = ?1 where merchant_id = ?2 and status = 'COMPLETED'
                             and settlement_id is null and completed_at < ?3 returning amount)
            select count(*), coalesce(sum(amount), 0)::bigint from claimed""";
    private static final String CLAIM_REFUNDS = """
            with claimed as (update refunds set settlement_id = ?1 where status = 'COMPLETED' and settlement_id is null
                             and completed_at < ?3
                             and payment_id in (select id from payments where merchant_id = ?2) returning amount)
            select count(*), coalesce(sum(amount), 0)::bigint from claimed""";
    private static final String INSERT = """
            insert into settlements (id, payee_kind, payee_id, seller_id, business_date, items, gross, fee_bps, fee,
                net, status, command_id, created_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'PENDING', ?11, ?12, ?12)
            on conflict (payee_kind, payee_id, business_date) do nothing""";
    private static final AccountRef PAYABLE = AccountRef.system("SETTLEMENT_PAYABLE");

    private final Outbox outbox;
    private final SettlementConfig config;
    private final Clock clock;

    public SettlementBatch(Outbox outbox, SettlementConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Nothing to pay for this payee and day: the batch's transaction rolls back, nothing was claimed. */
    static final class NothingToSettle extends RuntimeException {
        NothingToSettle() {
            super(null, null, false, false);
        }
    }

    private record Claimed(long count, long sum) {
    }

    /** Settles {@code day}; answers how many batches it made. */
    public Uni<Integer> settle(LocalDate day) {
        Instant cutoff = day.plusDays(1).atStartOfDay(SeoulClock.ZONE).toInstant();
        // The payees are read in a session of their own; each batch then runs in its own session and transaction.
        return Panache.withSession(() -> ids(SELLERS, cutoff)).chain(sellers -> Panache.withSession(
                () -> ids(MERCHANTS, cutoff)).chain(merchants -> Multi.createFrom().iterable(sellers)
                .onItem().transformToUniAndConcatenate(seller -> once(() -> seller(seller, day, cutoff)))
                .collect().asList()
                .chain(made -> Multi.createFrom().iterable(merchants)
                        .onItem().transformToUniAndConcatenate(m -> once(() -> merchant(m, day, cutoff)))
                        .collect().asList()
                        .map(more -> (int) (made.stream().filter(Boolean::booleanValue).count()
                                + more.stream().filter(Boolean::booleanValue).count())))));
    }

    private Uni<Boolean> once(java.util.function.Supplier<Uni<Boolean>> batch) {
        return Panache.withTransaction(batch).onFailure(NothingToSettle.class).recoverWithItem(false);
    }

    private Uni<Boolean> seller(UUID sellerId, LocalDate day, Instant cutoff) {
        UUID id = batchId("SELLER", sellerId, day);
        return claim(CLAIM_ORDERS, id, sellerId, cutoff).chain(orders -> pay(id, "SELLER", sellerId, sellerId, day,
                (int) orders.count(), orders.sum(), config.sellerFeeBps()));
    }

    private Uni<Boolean> merchant(UUID merchantId, LocalDate day, Instant cutoff) {
        UUID id = batchId("MERCHANT", merchantId, day);
        return Merchant.<Merchant>findById(merchantId).chain(merchant -> claim(CLAIM_PAYMENTS, id, merchantId, cutoff)
                .chain(payments -> claim(CLAIM_REFUNDS, id, merchantId, cutoff).chain(refunds -> pay(id, "MERCHANT",
                        merchantId, merchant.sellerId, day, (int) (payments.count() + refunds.count()),
                        payments.sum() - refunds.sum(), merchant.feeBps))));
    }

    private Uni<Boolean> pay(UUID id, String kind, UUID payeeId, UUID sellerId, LocalDate day, int items, long gross,
                             int feeBps) {
        if (items == 0 || gross <= 0) {
            return Uni.createFrom().failure(new NothingToSettle());
        }
        long fee = BasisPoints.of(gross, feeBps);
        long net = gross - fee;
        UUID commandId = derived("payment:settlement:" + id + ":command");
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id).setParameter(2, kind).setParameter(3, payeeId).setParameter(4, sellerId)
                        .setParameter(5, day).setParameter(6, items).setParameter(7, gross).setParameter(8, feeBps)
                        .setParameter(9, fee).setParameter(10, net).setParameter(11, commandId)
                        .setParameter(12, Instant.now(clock))
                        .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().failure(new NothingToSettle())
                        : outbox.append(Topics.MONEY_COMMANDS, transfer(id, commandId, sellerId, net, fee)))
                .replaceWith(true);
    }

    private static Transfer transfer(UUID id, UUID commandId, UUID sellerId, long net, long fee) {
        String reference = "settlement:" + id;
        LinkedTransfer feeLeg = new LinkedTransfer(derived("payment:settlement:" + id + ":fee"), PAYABLE,
                AccountRef.system("FEES_REVENUE"), fee, "FEE", reference, "Settlement fee");
        if (net == 0) {
            return new Transfer(commandId, PAYABLE, AccountRef.system("FEES_REVENUE"), fee, "FEE", reference,
                    "Settlement fee", List.of());
        }
        return new Transfer(commandId, PAYABLE, AccountRef.member(sellerId), net, "SETTLEMENT", reference,
                "Settlement", fee == 0 ? List.of() : List.of(feeLeg));
    }

    private Uni<List<UUID>> ids(String sql, Instant cutoff) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, UUID.class)
                .setParameter(1, cutoff).setParameter(2, config.batch()).getResultList());
    }

    private static Uni<Claimed> claim(String sql, UUID id, UUID payee, Instant cutoff) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, id).setParameter(2, payee).setParameter(3, cutoff).getSingleResult())
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    return new Claimed(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
                });
    }

    static UUID batchId(String kind, UUID payeeId, LocalDate day) {
        return derived("payment:settlement:" + kind + ":" + payeeId + ":" + day);
    }

    private static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
