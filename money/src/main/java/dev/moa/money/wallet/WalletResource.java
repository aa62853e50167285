package dev.moa.money.wallet;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.money.ledger.Account;
import dev.moa.money.ledger.LedgerProblems;
import dev.moa.money.ledger.TransferKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The calling member's wallet and its history. */
@Path("/wallets/me")
@Tag(name = "wallets")
@RolesAllowed(Roles.MEMBER)
public class WalletResource {

    private final CurrentMember member;
    private final Statement statement;

    public WalletResource(CurrentMember member, Statement statement) {
        this.member = member;
        this.statement = statement;
    }

    @GET
    public Uni<WalletView> wallet() {
        return Panache.withSession(() -> memberWallet()).map(WalletView::of);
    }

    @GET
    @Path("/transactions")
    public Uni<Statement.Page> transactions(@QueryParam("kind") TransferKind kind,
                                            @QueryParam("from") @Size(max = 40) String from,
                                            @QueryParam("to") @Size(max = 40) String to,
                                            @QueryParam("cursor") @Size(max = 200) String cursor,
                                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Statement.MAX_PAGE)
                                            int limit) {
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        return Panache.withSession(() -> memberWallet()
                .chain(account -> statement.page(account, kind, since, until, cursor, limit)));
    }

    private Uni<Account> memberWallet() {
        return Account.walletOf(Account.Kind.MEMBER_WALLET, member.id())
                .onItem().ifNull().failWith(LedgerProblems::walletNotOpen);
    }

    /** An ISO-8601 instant such as {@code 2026-11-01T00:00:00Z}. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("validation", name + ": must be an ISO-8601 instant like 2026-11-01T00:00:00Z");
        }
    }
}
