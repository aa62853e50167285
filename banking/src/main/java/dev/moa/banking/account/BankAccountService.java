package dev.moa.banking.account;

import dev.moa.banking.bank.BankApi.Verification;
import dev.moa.banking.bank.BankCalls.BankUnavailable;
import dev.moa.banking.bank.BankGateway;
import dev.moa.banking.member.HolderNames;
import dev.moa.banking.member.Member;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.Constraints;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.banking.BankAccountLinked;
import dev.moa.events.banking.BankAccountUnlinked;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Links, lists and unlinks a member's bank accounts. Linking checks what it can in the database first, then asks the
 * bank outside any transaction (an account that exists, held under that name), then stores the link with its
 * BankAccountLinked event in one transaction that re-checks the limit under the member's row lock. Nothing is stored
 * when any step refuses.
 */
@ApplicationScoped
public class BankAccountService {

    private final BankGateway bank;
    private final Outbox outbox;
    private final BankAccountsConfig config;

    public BankAccountService(BankGateway bank, Outbox outbox, BankAccountsConfig config) {
        this.bank = bank;
        this.outbox = outbox;
        this.config = config;
    }

    public Uni<BankAccountView> link(UUID memberId, LinkRequest request) {
        return Panache.withSession(() -> precheck(memberId, request))
                .chain(() -> bank.verify(request.bankCode(), request.accountNumber(), request.holderName())
                        .onFailure(BankUnavailable.class).transform(e -> {
                            Log.warnf("bank account verification for member %s failed: %s", memberId, e.getMessage());
                            return BankAccountProblems.bankUnavailable();
                        }))
                .invoke(BankAccountService::requireMatch)
                .chain(() -> Panache.withTransaction(() -> store(memberId, request)))
                .onFailure(Constraints::isUniqueViolation).transform(e -> BankAccountProblems.alreadyLinked())
                .map(BankAccountView::of);
    }

    public Uni<List<BankAccountView>> mine(UUID memberId) {
        return Panache.withSession(() -> BankAccount.<BankAccount>list(
                        "memberId = ?1 and status = ?2 order by linkedAt", memberId, BankAccount.Status.ACTIVE))
                .map(accounts -> accounts.stream().map(BankAccountView::of).toList());
    }

    public Uni<BankAccountView> one(UUID memberId, UUID id) {
        return Panache.withSession(() -> BankAccount.activeOf(memberId, id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Bank account " + id))
                .map(BankAccountView::of);
    }

    /** Unlinks the member's active account {@code id}; another member's account is not found. */
    public Uni<Void> unlink(UUID memberId, UUID id) {
        return Panache.withTransaction(() -> BankAccount.<BankAccount>find("id = ?1 and memberId = ?2 and status = ?3",
                                id, memberId, BankAccount.Status.ACTIVE)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Bank account " + id))
                        .chain(account -> {
                            account.status = BankAccount.Status.UNLINKED;
                            account.unlinkedAt = now();
                            return outbox.append(Topics.BANKING_EVENTS,
                                    new BankAccountUnlinked(account.id, memberId, account.unlinkedAt));
                        }))
                .replaceWithVoid();
    }

    /** What the database alone can refuse, before the bank is bothered. */
    private Uni<Void> precheck(UUID memberId, LinkRequest request) {
        return Member.<Member>findById(memberId)
                .onItem().ifNull().failWith(BankAccountProblems::profilePending)
                .invoke(member -> {
                    if (!HolderNames.same(member.name, request.holderName())) {
                        throw BankAccountProblems.notYourName();
                    }
                })
                .chain(() -> limitAndUniqueness(memberId, request));
    }

    private Uni<Void> limitAndUniqueness(UUID memberId, LinkRequest request) {
        return BankAccount.activeCount(memberId)
                .invoke(count -> {
                    if (count >= config.maxActivePerMember()) {
                        throw BankAccountProblems.limitReached(config.maxActivePerMember());
                    }
                })
                .chain(() -> BankAccount.activelyLinked(request.bankCode(), request.accountNumber()))
                .invoke(linked -> {
                    if (linked) {
                        throw BankAccountProblems.alreadyLinked();
                    }
                })
                .replaceWithVoid();
    }

    private static void requireMatch(Verification verification) {
        switch (verification) {
            case MATCH -> {
            }
            case NAME_MISMATCH -> throw BankAccountProblems.heldBySomeoneElse();
            case UNKNOWN_ACCOUNT -> throw BankAccountProblems.unknownAccount();
            case CLOSED -> throw BankAccountProblems.closedAccount();
        }
    }

    /** Stores the link under the member's row lock, so two links at once cannot both pass the limit. */
    private Uni<BankAccount> store(UUID memberId, LinkRequest request) {
        return Member.<Member>findById(memberId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(BankAccountProblems::profilePending)
                .chain(member -> limitAndUniqueness(memberId, request))
                .chain(() -> {
                    BankAccount account = new BankAccount();
                    account.id = UUID.randomUUID();
                    account.memberId = memberId;
                    account.bankCode = request.bankCode();
                    account.accountNumber = request.accountNumber();
                    account.holderName = request.holderName().strip();
                    account.status = BankAccount.Status.ACTIVE;
                    account.linkedAt = now();
                    return account.<BankAccount>persistAndFlush()
                            .call(linked -> outbox.append(Topics.BANKING_EVENTS, new BankAccountLinked(linked.id,
                                    memberId, linked.bankCode, linked.last4(), linked.linkedAt)));
                });
    }

    /** Microseconds, as PostgreSQL keeps them, so that an answer and a later read agree. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
