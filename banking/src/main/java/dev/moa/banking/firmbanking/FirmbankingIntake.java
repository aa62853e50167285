package dev.moa.banking.firmbanking;

import dev.moa.banking.account.BankAccount;
import dev.moa.banking.firmbanking.Decision.Decided;
import dev.moa.chassis.inbox.Inbox;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.events.Topics;
import dev.moa.events.banking.FirmbankingFailed;
import dev.moa.events.banking.RequestFirmbanking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records a RequestFirmbanking before anything is sent, in one transaction with its inbox record (CloudEvents id) and
 * keyed by its command id, so that neither a redelivered record nor the same command sent again makes a second
 * request. A command for an account that is not the member's active linked account, or with invalid terms, is
 * answered FirmbankingFailed (ACCOUNT_NOT_LINKED, INVALID) in that same transaction, without a bank call. Otherwise
 * the request is recorded SENT — from here on the bank may have it — and handed back to be sent.
 */
@ApplicationScoped
public class FirmbankingIntake {

    static final String CONSUMER = "banking.commands";
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    private static final String INSERT_SENT = """
            insert into firmbanking_requests (command_id, member_id, bank_account_id, direction, amount, bank_code,
                account_number, state, maybe_delivered, sends, checks, requested_at, created_at, last_sent_at,
                next_check_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'SENT', true, 1, 0, cast(?8 as timestamptz), ?9, ?9, ?10)
            on conflict (command_id) do nothing""";
    private static final String INSERT_FAILED = """
            insert into firmbanking_requests (command_id, member_id, bank_account_id, direction, amount, state,
                requested_at, created_at, reason, detail, reconciled, decided_at)
            values (?1, cast(?2 as uuid), cast(?3 as uuid), cast(?4 as text), ?5, 'FAILED', cast(?6 as timestamptz),
                ?7, ?8, ?9, false, ?7)
            on conflict (command_id) do nothing""";
    private static final String TERMS = "select cast(member_id as text), cast(bank_account_id as text), direction, "
            + "amount from firmbanking_requests where command_id = ?1";

    /** What the intake did: a request to send now, a refusal to count, or nothing (a duplicate). */
    record Admitted(FirmbankingRequest toSend, Decided refused) {
        static final Admitted NOTHING = new Admitted(null, null);
    }

    private final Inbox inbox;
    private final Outbox outbox;
    private final FirmbankingConfig config;

    public FirmbankingIntake(Inbox inbox, Outbox outbox, FirmbankingConfig config) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.config = config;
    }

    Uni<Admitted> admit(String eventId, RequestFirmbanking command) {
        AtomicReference<Admitted> result = new AtomicReference<>(Admitted.NOTHING);
        return inbox.handleOnce(CONSUMER, eventId, () -> record(command).invoke(result::set))
                .map(applied -> result.get());
    }

    private Uni<Admitted> record(RequestFirmbanking command) {
        Instant now = FirmbankingCalls.now();
        String invalid = invalid(command);
        if (invalid != null) {
            return refuse(command, Decided.failed("INVALID", invalid, false), now);
        }
        return BankAccount.activeOf(command.memberId(), command.bankAccountId())
                .chain(account -> account == null
                        ? refuse(command, Decided.failed("ACCOUNT_NOT_LINKED",
                        "The bank account is not an active linked account of this member", false), now)
                        : recordSent(command, account, now));
    }

    private Uni<Admitted> recordSent(RequestFirmbanking c, BankAccount account, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_SENT)
                        .setParameter(1, c.commandId())
                        .setParameter(2, c.memberId())
                        .setParameter(3, c.bankAccountId())
                        .setParameter(4, c.direction().name())
                        .setParameter(5, c.amount())
                        .setParameter(6, account.bankCode)
                        .setParameter(7, account.accountNumber)
                        .setParameter(8, c.requestedAt())
                        .setParameter(9, now)
                        .setParameter(10, now.plus(config.stuckAfter()))
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? Uni.createFrom().item(new Admitted(new FirmbankingRequest(c.commandId(), c.memberId(),
                        c.bankAccountId(), c.direction(), c.amount(), account.bankCode, account.accountNumber,
                        FirmbankingState.SENT, true, 1, 0, now, now, null), null))
                        : duplicate(c));
    }

    private Uni<Admitted> refuse(RequestFirmbanking c, Decided refusal, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_FAILED)
                        .setParameter(1, c.commandId())
                        .setParameter(2, c.memberId())
                        .setParameter(3, c.bankAccountId())
                        .setParameter(4, c.direction() == null ? null : c.direction().name())
                        .setParameter(5, c.amount())
                        .setParameter(6, c.requestedAt())
                        .setParameter(7, now)
                        .setParameter(8, refusal.reason())
                        .setParameter(9, refusal.detail())
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? outbox.append(Topics.BANKING_EVENTS, new FirmbankingFailed(c.commandId(), c.memberId(),
                                c.bankAccountId(), c.direction(), c.amount(), refusal.reason(), refusal.detail(),
                                false, now))
                        .replaceWith(new Admitted(null, refusal))
                        : duplicate(c));
    }

    /** The command id is known already: the first request stands (and is answered once); other terms are logged. */
    private static Uni<Admitted> duplicate(RequestFirmbanking c) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TERMS, Object[].class)
                        .setParameter(1, c.commandId())
                        .getSingleResult())
                .invoke(terms -> {
                    List<Object> first = Arrays.asList(terms);
                    boolean same = Objects.equals(first.get(0), text(c.memberId()))
                            && Objects.equals(first.get(1), text(c.bankAccountId()))
                            && Objects.equals(first.get(2), c.direction() == null ? null : c.direction().name())
                            && ((Number) first.get(3)).longValue() == c.amount();
                    if (!same) {
                        Log.warnf("firm-banking command %s arrived again with other terms; the first ones stand",
                                c.commandId());
                    }
                })
                .replaceWith(Admitted.NOTHING);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String invalid(RequestFirmbanking c) {
        if (c.memberId() == null || c.bankAccountId() == null) {
            return "The command names no member or no bank account";
        }
        if (c.direction() == null) {
            return "The direction must be IN or OUT";
        }
        if (c.amount() < 1 || c.amount() > MAX_AMOUNT) {
            return "The amount must be between 1 and " + MAX_AMOUNT + " KRW";
        }
        return null;
    }
}
