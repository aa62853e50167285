package dev.moa.banking.firmbanking;

import dev.moa.banking.firmbanking.Decision.Decided;
import dev.moa.banking.firmbanking.Decision.Undecided;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.banking.FirmbankingFailed;
import dev.moa.events.banking.FirmbankingOutcome;
import dev.moa.events.banking.FirmbankingSucceeded;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The firm-banking requests in the database after their intake: the reconciliation job's claims, and every
 * conclusion drawn from a bank call, each applied in one transaction with the outcome event it completes (outbox).
 * Rows are locked while they change, so a late answer and the job never both decide one request: the first
 * conclusion wins, a stale one (a send happened since) is dropped.
 */
@ApplicationScoped
public class FirmbankingRecords {

    /**
     * A request the job took on: to send again (it never reached the bank; see {@link #markSending}) or to ask the bank
     * about.
     */
    record Claim(FirmbankingRequest request, boolean send) {
    }

    static final String DUE = """
            select * from firmbanking_requests
            where state in ('SENT', 'UNKNOWN', 'UNREACHABLE', 'REVIEW') and next_check_at <= $1
            order by next_check_at
            limit $2
            for update skip locked""";
    private static final String LEASE = "update firmbanking_requests set next_check_at = $2 where command_id = any($1)";
    private static final String SENDING = "update firmbanking_requests set state = $4, maybe_delivered = true, "
            + "sends = $5, last_sent_at = $6, next_check_at = $7 "
            + "where command_id = $1 and state = $2 and sends = $3 and not maybe_delivered";
    private static final String LOCK = "select * from firmbanking_requests where command_id = $1 for update";
    private static final String DECIDE = "update firmbanking_requests set state = $2, reason = $3, detail = $4, "
            + "bank_transaction_id = $5, reconciled = $6, decided_at = $7, next_check_at = null where command_id = $1";
    private static final String POSTPONE = "update firmbanking_requests set state = $2, maybe_delivered = $3, "
            + "checks = $4, next_check_at = $5, review_since = $6, last_problem = $7 where command_id = $1";
    private static final String COUNT = "select count(*) filter (where state = 'REVIEW') as review, count(*) as open "
            + "from firmbanking_requests where state in ('SENT', 'UNKNOWN', 'UNREACHABLE', 'REVIEW')";

    private final Pool pool;
    private final Outbox outbox;
    private final FirmbankingConfig config;
    private final FirmbankingMetrics metrics;

    public FirmbankingRecords(Pool pool, Outbox outbox, FirmbankingConfig config, FirmbankingMetrics metrics) {
        this.pool = pool;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Claims up to {@code batch} requests due at {@code now} that no other instance holds (SKIP LOCKED), and leases
     * them for {@code stuckAfter}. Nothing else changes here: a request to send again counts as sent only when its send
     * begins ({@link #markSending}), which may be well after the claim when the bank is slow. Marking it here would let
     * its in-flight window run out, and another instance conclude "never executed", before it was even sent.
     */
    Uni<List<Claim>> claimDue(Instant now, int batch) {
        return pool.withTransaction(tx -> tx.preparedQuery(DUE).execute(Tuple.of(time(now), batch))
                .chain(rows -> {
                    List<Claim> claims = new ArrayList<>();
                    for (Row row : rows) {
                        FirmbankingRequest request = FirmbankingRequest.of(row);
                        claims.add(new Claim(request, !request.maybeDelivered()));
                    }
                    UUID[] ids = claims.stream().map(claim -> claim.request().commandId()).toArray(UUID[]::new);
                    return claims.isEmpty() ? Uni.createFrom().item(claims)
                            : tx.preparedQuery(LEASE).execute(Tuple.of(ids, time(now.plus(config.stuckAfter()))))
                            .replaceWith(claims);
                }));
    }

    /**
     * Records that {@code claimed}, which never reached the bank, is sent again now: SENT (or still REVIEW), maybe
     * delivered from here on, one send more, and leased for {@code stuckAfter}. Committed before the call, so a crash
     * during it leaves a request the job asks about. Answers the request as sent, or null when it changed since it was
     * claimed (another instance took it over once the lease lapsed, and sent it): then it is not sent again.
     */
    Uni<FirmbankingRequest> markSending(FirmbankingRequest claimed, Instant now) {
        FirmbankingState next = claimed.state() == FirmbankingState.REVIEW ? FirmbankingState.REVIEW
                : FirmbankingState.SENT;
        if (claimed.maybeDelivered() || !(next == claimed.state() || claimed.state().canMoveTo(next))) {
            return Uni.createFrom().nullItem();
        }
        FirmbankingRequest sending = new FirmbankingRequest(claimed.commandId(), claimed.memberId(),
                claimed.bankAccountId(), claimed.direction(), claimed.amount(), claimed.bankCode(),
                claimed.accountNumber(), next, true, claimed.sends() + 1, claimed.checks(), claimed.createdAt(), now,
                claimed.reviewSince());
        return pool.preparedQuery(SENDING).execute(Tuple.from(Arrays.asList(claimed.commandId(),
                        claimed.state().name(), claimed.sends(), next.name(), sending.sends(), time(now),
                        time(now.plus(config.stuckAfter())))))
                .map(rows -> rows.rowCount() == 1 ? sending : null);
    }

    /**
     * Applies what one bank call taught about {@code commandId}: its outcome with the event that answers the command,
     * or a later check (flagging REVIEW past the limits). Nothing changes once the request is decided.
     */
    Uni<Void> apply(UUID commandId, Decision decision, Instant now) {
        return pool.withTransaction(tx -> tx.preparedQuery(LOCK).execute(Tuple.of(commandId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().<Runnable>nullItem();
                    }
                    FirmbankingRequest current = FirmbankingRequest.of(rows.iterator().next());
                    if (current.state().isFinal()) {
                        return Uni.createFrom().<Runnable>nullItem();
                    }
                    return decision instanceof Decided decided ? decide(tx, current, decided, now)
                            : postpone(tx, current, (Undecided) decision, now);
                }))
                // Metrics and log lines only once the transaction committed.
                .invoke(afterCommit -> {
                    if (afterCommit != null) {
                        afterCommit.run();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Runnable> decide(SqlConnection tx, FirmbankingRequest r, Decided decided, Instant now) {
        FirmbankingState next = decided.succeeded() ? FirmbankingState.SUCCEEDED : FirmbankingState.FAILED;
        if ((decided.sendsSeen() != null && decided.sendsSeen() != r.sends()) || !r.state().canMoveTo(next)) {
            return stale(r, decided);
        }
        FirmbankingOutcome event = decided.succeeded()
                ? new FirmbankingSucceeded(r.commandId(), r.memberId(), r.bankAccountId(), r.direction(), r.amount(),
                decided.bankTransactionId(), decided.reconciled(), now)
                : new FirmbankingFailed(r.commandId(), r.memberId(), r.bankAccountId(), r.direction(), r.amount(),
                decided.reason(), decided.detail(), decided.reconciled(), now);
        return tx.preparedQuery(DECIDE).execute(Tuple.from(Arrays.asList(r.commandId(), next.name(),
                        decided.reason(), decided.detail(), decided.bankTransactionId(), decided.reconciled(),
                        time(now))))
                .chain(() -> outbox.append(tx, Topics.BANKING_EVENTS, event))
                .map(eventId -> afterDecision(r, next, decided));
    }

    private Uni<Runnable> postpone(SqlConnection tx, FirmbankingRequest r, Undecided undecided, Instant now) {
        if (undecided.sendsSeen() != r.sends()
                || (r.state() != FirmbankingState.REVIEW && !r.state().canMoveTo(undecided.next()))) {
            return stale(r, undecided);
        }
        int checks = undecided.byJob() ? r.checks() + 1 : r.checks();
        boolean flag = r.state() != FirmbankingState.REVIEW && (undecided.flagNow()
                || !now.isBefore(r.createdAt().plus(config.reviewAfter())) || checks >= config.reviewAfterChecks());
        FirmbankingState next = r.state() == FirmbankingState.REVIEW || flag ? FirmbankingState.REVIEW
                : undecided.next();
        boolean maybeDelivered = undecided.next() == FirmbankingState.UNKNOWN;
        Instant reviewSince = flag ? now : r.reviewSince();
        Duration wait = next == FirmbankingState.REVIEW ? config.backoffMax() : backoff(checks);
        return tx.preparedQuery(POSTPONE).execute(Tuple.from(Arrays.asList(r.commandId(), next.name(),
                        maybeDelivered, checks, time(now.plus(wait)), time(reviewSince), undecided.problem())))
                .map(updated -> flag ? flagged(r, checks, undecided.problem()) : null);
    }

    /**
     * A conclusion overtaken by events (a send since, or a state it cannot follow, e.g. a late "unknown" about a
     * request since proved never delivered) changes nothing: the newer knowledge stands and the job goes on from it.
     */
    private static Uni<Runnable> stale(FirmbankingRequest r, Decision decision) {
        Log.debugf("firm-banking %s: dropped a stale conclusion %s (now %s after %d sends)", r.commandId(),
                decision.getClass().getSimpleName(), r.state(), r.sends());
        return Uni.createFrom().nullItem();
    }

    private Runnable afterDecision(FirmbankingRequest r, FirmbankingState next, Decided decided) {
        return () -> {
            metrics.decided(decided);
            if (r.state() == FirmbankingState.REVIEW) {
                Log.infof("firm-banking review resolved: command %s %s after %d checks", r.commandId(), next,
                        r.checks());
            }
        };
    }

    /** The one log line an operator alerts on (with the gauge moa_firmbanking_review). */
    private Runnable flagged(FirmbankingRequest r, int checks, String problem) {
        return () -> Log.warnf("firm-banking REVIEW: command %s (member %s, %s %d KRW) unresolved since %s after %d "
                        + "checks and %d sends; last problem: %s. Banking keeps asking the bank every %s",
                r.commandId(), r.memberId(), r.direction(), r.amount(), r.createdAt(), checks, r.sends(), problem,
                config.backoffMax());
    }

    /** {@code backoffInitial × 2^(checks − 1)}, at most {@code backoffMax}. */
    private Duration backoff(int checks) {
        Duration wait = config.backoffInitial();
        for (int i = 1; i < checks && wait.compareTo(config.backoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.backoffMax()) < 0 ? wait : config.backoffMax();
    }

    /** How many requests are flagged REVIEW, and how many are unresolved in all. */
    Uni<long[]> counts() {
        return pool.preparedQuery(COUNT).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new long[]{row.getLong("review"), row.getLong("open")};
        });
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
