package dev.moa.money.remittance;

import dev.moa.chassis.problem.Text;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.money.directory.MemberDirectory;
import dev.moa.money.ledger.Account;
import dev.moa.money.ledger.LedgerProblems;
import dev.moa.money.ledger.Ledger;
import dev.moa.money.ledger.Transfer;
import dev.moa.money.ledger.TransferKind;
import dev.moa.money.ledger.TransferOrder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/** Moves money from the sender's wallet to a member's or a group's wallet. Runs in the request's transaction. */
@ApplicationScoped
public class RemittanceService {

        private final Ledger ledger;

    public RemittanceService(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Exactly one recipient: a member id, a member's e-mail, or a group id. Amount in won. */
    public record Remittance(UUID toMemberId,
                             @Email @Size(max = 254) String toEmail,
                             UUID toGroupId,
                             @Positive @Max(TransferOrder.MAX_AMOUNT) long amount,
                             @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
                             String memo) {
    }

    public record Remitted(UUID transferId, UUID toAccountId, String toKind, UUID toOwnerId, long amount,
                           String memo, Instant createdAt) {
    }

    public Uni<Remitted> remit(UUID sender, String idempotencyKey, Remittance remittance) {
        long recipients = Stream.of(remittance.toMemberId(), remittance.toEmail(), remittance.toGroupId())
                .filter(r -> r != null).count();
        if (recipients != 1) {
            return Uni.createFrom().failure(ProblemException.badRequest("validation",
                    "Name exactly one recipient: toMemberId, toEmail or toGroupId"));
        }
        // The transfer id follows from the sender's key, so even a retry that outlives the key record posts once.
        UUID transferId = UUID.nameUUIDFromBytes(("remittance:" + sender + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
        return Account.walletOf(Account.Kind.MEMBER_WALLET, sender)
                .onItem().ifNull().failWith(LedgerProblems::walletNotOpen)
                .chain(from -> recipient(remittance).chain(to -> {
                    if (to.id.equals(from.id)) {
                        throw ProblemException.unprocessable("self-remittance", "You cannot send money to yourself");
                    }
                    return ledger.post(new TransferOrder(transferId, from.id, to.id, remittance.amount(),
                                    TransferKind.REMITTANCE, null, remittance.memo(), sender))
                            .map(transfer -> remitted(transfer, to));
                }));
    }

    private static Uni<Account> recipient(Remittance remittance) {
        Uni<Account> account;
        if (remittance.toGroupId() != null) {
            account = Account.walletOf(Account.Kind.GROUP_WALLET, remittance.toGroupId());
        } else if (remittance.toMemberId() != null) {
            account = Account.walletOf(Account.Kind.MEMBER_WALLET, remittance.toMemberId());
        } else {
            account = MemberDirectory.byEmail(remittance.toEmail()).chain(member -> member == null
                    ? Uni.createFrom().nullItem()
                    : Account.walletOf(Account.Kind.MEMBER_WALLET, member.memberId));
        }
        return account.onItem().ifNull().failWith(() -> new ProblemException(404, "recipient-not-found",
                "Recipient not found", "No wallet belongs to that recipient"));
    }

    private static Remitted remitted(Transfer transfer, Account to) {
        return new Remitted(transfer.id, to.id, to.kind == Account.Kind.GROUP_WALLET ? "GROUP" : "MEMBER",
                to.ownerId, transfer.amount, transfer.memo, transfer.createdAt);
    }
}
