package dev.moa.banking.firmbanking;

import dev.moa.banking.bank.BankApi.TransferRequest;
import dev.moa.banking.bank.BankApi.TransferResult;
import dev.moa.banking.bank.BankCalls.Answered;
import dev.moa.banking.bank.BankCalls.Found;
import dev.moa.banking.bank.BankCalls.LookupCall;
import dev.moa.banking.bank.BankCalls.LookupFailed;
import dev.moa.banking.bank.BankCalls.NoAnswer;
import dev.moa.banking.bank.BankCalls.NotDelivered;
import dev.moa.banking.bank.BankCalls.NotFound;
import dev.moa.banking.bank.BankCalls.Rejected;
import dev.moa.banking.bank.BankCalls.TransferCall;
import dev.moa.banking.bank.BankGateway;
import dev.moa.banking.firmbanking.Decision.Decided;
import dev.moa.banking.firmbanking.Decision.Undecided;
import dev.moa.events.banking.FirmbankingDirection;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One call to the bank about one request, made outside any database transaction, and what banking concludes from
 * it — never more than the call proves:
 * <ul>
 *   <li>an answer decides (the bank's outcome for this request id, whichever call first executed it);</li>
 *   <li>a connection never made means the bank does not have the request: send it again later (same request id);</li>
 *   <li>silence (timeout, connection closed) means unknown: the job asks the bank later;</li>
 *   <li>"not found" means unknown until the in-flight window since the last send has passed; after it, the request
 *       was never executed and fails (a late arrival can no longer be executed by then). It fails rather than being
 *       sent again: money's saga waits on it, and a transfer executed long after the member asked is not what they
 *       asked for; the member may simply try again.</li>
 * </ul>
 */
@ApplicationScoped
public class FirmbankingCalls {

    static final String NEVER_EXECUTED = "DECLINED";

    private final BankGateway bank;
    private final FirmbankingRecords records;
    private final FirmbankingConfig config;

    public FirmbankingCalls(BankGateway bank, FirmbankingRecords records, FirmbankingConfig config) {
        this.bank = bank;
        this.records = records;
        this.config = config;
    }

    /** Sends {@code request} (already recorded as sent) and records what came of it. */
    Uni<Void> send(FirmbankingRequest request, boolean byJob) {
        TransferRequest transfer = request.transferRequest();
        return bank.transfer(transfer)
                .map(call -> fromTransfer(transfer, call, request.sends(), byJob))
                .chain(decision -> record(request, decision));
    }

    /**
     * Sends a request the job claimed because it never reached the bank, once it is recorded as sent; not at all when
     * another instance has taken it over meanwhile.
     */
    Uni<Void> sendAgain(FirmbankingRequest claimed) {
        return records.markSending(claimed, now())
                .chain(sending -> sending == null ? Uni.createFrom().voidItem() : send(sending, true));
    }

    /** Asks the bank what became of {@code request} and records what that tells. */
    Uni<Void> ask(FirmbankingRequest request) {
        Instant askedAt = now();
        return bank.lookup(request.commandId().toString())
                .map(call -> fromLookup(request, call, askedAt))
                .chain(decision -> record(request, decision));
    }

    static Decision fromTransfer(TransferRequest transfer, TransferCall call, int sends, boolean byJob) {
        if (call instanceof Answered answered) {
            return answered.result().matches(transfer) ? outcome(answered.result(), transfer.direction(), byJob)
                    : conflict(sends, byJob);
        }
        if (call instanceof NotDelivered notDelivered) {
            return new Undecided(FirmbankingState.UNREACHABLE, notDelivered.problem(), sends, byJob, false);
        }
        if (call instanceof NoAnswer noAnswer) {
            return new Undecided(FirmbankingState.UNKNOWN, noAnswer.problem(), sends, byJob, false);
        }
        Rejected rejected = (Rejected) call;
        if (rejected.status() == 400) {
            return Decided.failed("INVALID", "The bank refused the transfer as invalid", byJob);
        }
        if (rejected.status() == 409) {
            return conflict(sends, byJob);
        }
        return new Undecided(FirmbankingState.UNKNOWN, "the bank answered " + rejected.status(), sends, byJob, false);
    }

    private Decision fromLookup(FirmbankingRequest request, LookupCall call, Instant askedAt) {
        if (call instanceof Found found) {
            return found.transfer().matches(request.transferRequest())
                    ? outcome(found.transfer(), request.direction(), true) : conflict(request.sends(), true);
        }
        if (call instanceof NotFound) {
            Instant lastSent = request.lastSentAt() != null ? request.lastSentAt() : request.createdAt();
            Instant windowEnds = lastSent.plus(config.inFlightWindow());
            if (!askedAt.isBefore(windowEnds)) {
                return new Decided(NEVER_EXECUTED, "The bank never executed the transfer: it had no record of it "
                        + config.inFlightWindow().toSeconds() + " s after it was last sent", null, true,
                        request.sends());
            }
            return new Undecided(FirmbankingState.UNKNOWN, "not (yet) known to the bank; final after " + windowEnds,
                    request.sends(), true, false);
        }
        String problem = ((LookupFailed) call).problem();
        return new Undecided(FirmbankingState.UNKNOWN, "asking the bank failed: " + problem, request.sends(), true,
                false);
    }

    /** The bank's outcome as the answer to the command; only SUCCEEDED moved money. */
    static Decided outcome(TransferResult result, FirmbankingDirection direction, boolean reconciled) {
        return switch (result.outcome()) {
            case SUCCEEDED -> Decided.succeeded(result.bankTransactionId(), reconciled);
            case DECLINED -> Decided.failed("DECLINED", "The bank declined the transfer", reconciled);
            case INSUFFICIENT_FUNDS -> Decided.failed("INSUFFICIENT_BANK_FUNDS", direction == FirmbankingDirection.IN
                    ? "The bank account does not hold enough money"
                    : "Moa's corporate account does not hold enough money at the bank", reconciled);
            case ACCOUNT_CLOSED -> Decided.failed("ACCOUNT_CLOSED", "The bank account is closed", reconciled);
            case UNKNOWN_ACCOUNT -> Decided.failed("ACCOUNT_CLOSED", "The bank no longer knows this account",
                    reconciled);
        };
    }

    private static Undecided conflict(int sends, boolean byJob) {
        return new Undecided(FirmbankingState.UNKNOWN, "the bank holds another transfer under this request id",
                sends, byJob, true);
    }

    /** Records a conclusion; if the database is away, the lease lapses and the job draws it again later. */
    private Uni<Void> record(FirmbankingRequest request, Decision decision) {
        return records.apply(request.commandId(), decision, now())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("firm-banking %s: could not record %s, the reconciliation job takes over: %s",
                            request.commandId(), decision.getClass().getSimpleName(), e.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
