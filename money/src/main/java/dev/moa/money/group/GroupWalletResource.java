package dev.moa.money.group;

import dev.moa.chassis.problem.Text;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import dev.moa.money.directory.GroupRole;
import dev.moa.money.ledger.Account;
import dev.moa.money.ledger.Ledger;
import dev.moa.money.ledger.TransferKind;
import dev.moa.money.ledger.TransferOrder;
import dev.moa.money.wallet.Statement;
import dev.moa.money.wallet.WalletResource;
import dev.moa.money.wallet.WalletView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A group's wallet. Its ledger is open to every member of the group (that is the point of a 모임 wallet) and to no
 * one else: a non-member gets 404, as if the group did not exist. Only the OWNER or a TREASURER pays out, and only
 * to a member of the group.
 */
@Path("/groups/{groupId}")
@Tag(name = "groups")
@RolesAllowed(Roles.MEMBER)
public class GroupWalletResource {

    private final CurrentMember member;
    private final Statement statement;
    private final Ledger ledger;
    private final IdempotentRequests idempotent;

    public GroupWalletResource(CurrentMember member, Statement statement, Ledger ledger,
                               IdempotentRequests idempotent) {
        this.member = member;
        this.statement = statement;
        this.ledger = ledger;
        this.idempotent = idempotent;
    }

    public record Payout(@NotNull UUID toMemberId,
                         @Positive @Max(TransferOrder.MAX_AMOUNT) long amount,
                         @Size(max = 140) @Pattern(regexp = Text.PRINTABLE,
                                 message = Text.PRINTABLE_MESSAGE) String memo) {
    }

    public record PaidOut(UUID transferId, UUID toMemberId, long amount, String memo) {
    }

    @GET
    @Path("/wallet")
    public Uni<WalletView> wallet(@PathParam("groupId") UUID groupId) {
        return Panache.withSession(() -> membership(groupId).chain(role -> groupWallet(groupId)))
                .map(WalletView::of);
    }

    @GET
    @Path("/wallet/transactions")
    public Uni<Statement.Page> transactions(@PathParam("groupId") UUID groupId,
                                            @QueryParam("kind") TransferKind kind,
                                            @QueryParam("from") @Size(max = 40) String from,
                                            @QueryParam("to") @Size(max = 40) String to,
                                            @QueryParam("cursor") @Size(max = 200) String cursor,
                                            @QueryParam("limit") @DefaultValue("50") @Min(1)
                                            @Max(Statement.MAX_PAGE) int limit) {
        var since = WalletResource.instant("from", from);
        var until = WalletResource.instant("to", to);
        return Panache.withSession(() -> membership(groupId).chain(role -> groupWallet(groupId))
                .chain(account -> statement.page(account, kind, since, until, cursor, limit)));
    }

    @POST
    @Path("/payouts")
    public Uni<Response> payout(@PathParam("groupId") UUID groupId,
                                @HeaderParam(IdempotentRequests.HEADER) String key,
                                @Valid @NotNull Payout payout) {
        UUID caller = member.id();
        return idempotent.execute(caller.toString(), key, "POST /groups/" + groupId + "/payouts", payout,
                () -> membership(groupId).chain(role -> {
                    if (!role.canPayOut()) {
                        throw new ProblemException(403, "group-role-required", "Forbidden",
                                "Only the group's owner or a treasurer pays out");
                    }
                    return GroupRole.of(groupId, payout.toMemberId());
                }).chain(recipient -> {
                    if (recipient == null) {
                        throw ProblemException.unprocessable("not-a-group-member",
                                "Payouts go only to members of the group");
                    }
                    return groupWallet(groupId);
                }).chain(from -> Account.walletOf(Account.Kind.MEMBER_WALLET, payout.toMemberId())
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("The member's wallet"))
                        .chain(to -> ledger.post(new TransferOrder(
                                UUID.nameUUIDFromBytes(("payout:" + caller + ":" + key).getBytes(StandardCharsets.UTF_8)),
                                from.id, to.id, payout.amount(), TransferKind.PAYOUT, "group:" + groupId,
                                payout.memo(), caller))))
                        .map(transfer -> Response.created(URI.create("/groups/" + groupId + "/wallet/transactions"))
                                .entity(new PaidOut(transfer.id, payout.toMemberId(), transfer.amount, transfer.memo))
                                .build()));
    }

    private Uni<GroupRole> membership(UUID groupId) {
        return GroupRole.of(groupId, member.id())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Group " + groupId));
    }

    private static Uni<Account> groupWallet(UUID groupId) {
        return Account.walletOf(Account.Kind.GROUP_WALLET, groupId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("The wallet of group " + groupId));
    }
}
