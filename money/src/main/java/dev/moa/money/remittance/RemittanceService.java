package dev.moa.money.remittance;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.outbox.OutboxRelayLifecycle;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.problem.Text;
import dev.moa.money.ledger.LedgerProblems;
import dev.moa.money.ledger.TransferOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Moves money from the sender's wallet to a member's or a group's wallet: the hottest path of money, so one round trip.
 * The database function {@code moa_remit} (migrations V7, V11 and V13) looks up the {@code Idempotency-Key}, finds both
 * wallets, writes the transfer, {@code TransferPosted} in the outbox and the key's record with the answer, and only then
 * locks both wallets and posts the balances, all in one statement, so that the wallets stay locked for the least time;
 * the key semantics are those of {@link IdempotentRequests#execute}. When the balances refuse the remittance only under
 * the locks (another posting came first), it raises {@code MA001}, and nothing it wrote remains. Should another
 * request of the member take the key for another operation in the meantime, the remittance is rolled back and
 * answered as a request whose first attempt has not finished (409).
 */
@ApplicationScoped
public class RemittanceService {

    static final String OPERATION = "POST /remittances";
    private static final String SERIALIZATION_FAILURE = "40001";
    /** Raised by {@code moa_remit} when the locked balances refuse the remittance; the message is the reason. */
    private static final String REFUSED_BY_BALANCES = "MA001";
    private static final String REMIT = "select outcome, status_code, body, location "
            + "from moa_remit($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    private final Pool database;
    private final IdempotentRequests idempotent;
    private final OutboxRelayLifecycle relays;

    public RemittanceService(io.vertx.mutiny.sqlclient.Pool database, IdempotentRequests idempotent,
                             OutboxRelayLifecycle relays) {
        this.database = database.getDelegate();
        this.idempotent = idempotent;
        this.relays = relays;
    }

    /** Exactly one recipient: a member id, a member's e-mail, or a group id. Amount in won. */
    @RegisterForReflection // read by RemittanceRoute's Jackson reader, not from a resource signature
    public record Remittance(UUID toMemberId,
                             @Email @Size(max = 254) String toEmail,
                             UUID toGroupId,
                             @Positive @Max(TransferOrder.MAX_AMOUNT) long amount,
                             @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
                             String memo) {
    }

    /** The answer to a remittance; {@code moa_remit} writes this JSON form (RemittanceJsonTest keeps them equal). */
    public record Remitted(UUID transferId, UUID toAccountId, String toKind, UUID toOwnerId, long amount,
                           String memo, Instant createdAt) {
    }

    /** What a remittance answers: the status, the JSON body, the {@code Location}, and whether it is a replay. */
    public record Answer(int status, String body, String location, boolean replayed) {
    }

    /**
     * Remits, or refuses with a {@link ProblemException}. A Vert.x future on the bare pool: this is money's hottest
     * path, and each Mutiny operator on it captured and restored the request's context. It completes on the caller's
     * context (the SQL client answers there).
     */
    public Future<Answer> remit(UUID sender, String idempotencyKey, Remittance remittance) {
        long recipients = Stream.of(remittance.toMemberId(), remittance.toEmail(), remittance.toGroupId())
                .filter(Objects::nonNull).count();
        if (recipients != 1) {
            return Future.failedFuture(ProblemException.badRequest("validation",
                    "Name exactly one recipient: toMemberId, toEmail or toGroupId"));
        }
        IdempotentRequests.Claim claim;
        try {
            claim = idempotent.claim(sender.toString(), idempotencyKey, OPERATION, remittance);
        } catch (ProblemException e) {
            return Future.failedFuture(e);
        }
        // The transfer id follows from the sender's key, so even a retry that outlives the key record posts once.
        UUID transferId = UUID.nameUUIDFromBytes(("remittance:" + sender + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
        Tuple parameters = Tuple.from(Arrays.asList(claim.owner(), claim.key(), claim.fingerprint(), sender,
                transferId, remittance.toMemberId(), remittance.toEmail(), remittance.toGroupId(),
                remittance.amount(), remittance.memo()));
        return database.preparedQuery(REMIT).execute(parameters)
                .recover(e -> Future.failedFuture(refusal(e)))
                .map(rows -> answer(rows.iterator().next()));
    }

    /** What {@code moa_remit} raised, as the member's answer: it wrote nothing (the statement was rolled back). */
    private static Throwable refusal(Throwable e) {
        if (e instanceof PgException pg) {
            if (SERIALIZATION_FAILURE.equals(pg.getSqlState())) {
                return IdempotentRequests.keyInProgress();
            }
            if (REFUSED_BY_BALANCES.equals(pg.getSqlState())) {
                return refusal(pg.getErrorMessage());
            }
        }
        return e;
    }

    private Answer answer(Row row) {
        String outcome = row.getString("outcome");
        if (outcome.equals("POSTED")) {
            relays.wake(); // moa_remit wrote TransferPosted to the outbox, and has committed
        }
        if (outcome.equals("POSTED") || outcome.equals("REPLAY")) {
            return new Answer(row.getInteger("status_code"), row.getString("body"), row.getString("location"),
                    outcome.equals("REPLAY"));
        }
        throw refusal(outcome);
    }

    private static RuntimeException refusal(String outcome) {
        return switch (outcome) {
            case "KEY_REUSED" -> IdempotentRequests.keyReused();
            case "IN_PROGRESS" -> IdempotentRequests.keyInProgress();
            case "WALLET_NOT_OPEN" -> LedgerProblems.walletNotOpen();
            case "RECIPIENT_NOT_FOUND" -> new ProblemException(404, "recipient-not-found", "Recipient not found",
                    "No wallet belongs to that recipient");
            case "SELF" -> ProblemException.unprocessable("self-remittance", "You cannot send money to yourself");
            case "INSUFFICIENT_FUNDS" -> LedgerProblems.insufficientFunds();
            case "OVERFLOW" -> LedgerProblems.overflow();
            case "CURRENCY_MISMATCH" -> LedgerProblems.currencyMismatch();
            case "TRANSFER_ID_REUSED" -> LedgerProblems.duplicateTransferWithOtherTerms();
            default -> new IllegalStateException("moa_remit answered " + outcome);
        };
    }
}
