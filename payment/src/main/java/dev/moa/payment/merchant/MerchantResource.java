package dev.moa.payment.merchant;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.problem.Text;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A SELLER registers merchants; an ADMIN sets a merchant's fee rate (a client never does). */
@Path("/merchants")
@Tag(name = "merchants")
public class MerchantResource {

    static final int MAX_PER_SELLER = 100;

    private final CurrentMember member;
    private final MerchantConfig config;
    private final Clock clock;

    public MerchantResource(CurrentMember member, MerchantConfig config, Clock clock) {
        this.member = member;
        this.config = config;
        this.clock = clock;
    }

    public record NewMerchant(@NotBlank @Size(max = 100) @Pattern(regexp = Text.PRINTABLE) String name) {
    }

    public record FeeRate(@Min(0) @Max(10_000) int feeBps) {
    }

    public record MerchantView(UUID id, UUID sellerId, String name, int feeBps, Instant createdAt) {

        static MerchantView of(Merchant merchant) {
            return new MerchantView(merchant.id, merchant.sellerId, merchant.name, merchant.feeBps, merchant.createdAt);
        }
    }

    @POST
    @RolesAllowed(Roles.SELLER)
    @WithTransaction
    @Operation(summary = "Register a merchant (sellers); its fee rate starts at the default")
    public Uni<Response> register(@Valid @NotNull NewMerchant body) {
        UUID me = member.id();
        return Merchant.count("sellerId", me).chain(count -> {
            if (count >= MAX_PER_SELLER) {
                throw ProblemException.unprocessable("too-many-merchants", "At most " + MAX_PER_SELLER
                        + " merchants per seller");
            }
            Merchant merchant = new Merchant();
            merchant.id = UUID.randomUUID();
            merchant.sellerId = me;
            merchant.name = body.name().strip();
            merchant.feeBps = config.defaultFeeBps();
            merchant.createdAt = Instant.now(clock);
            merchant.updatedAt = merchant.createdAt;
            return merchant.persist().map(saved -> Response.created(URI.create("/merchants/" + merchant.id))
                    .entity(MerchantView.of(merchant)).build());
        });
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.SELLER)
    @WithSession
    @Operation(summary = "Your merchants")
    public Uni<List<MerchantView>> mine() {
        return Merchant.<Merchant>find("sellerId", Sort.by("createdAt").and("id"), member.id()).list()
                .map(list -> list.stream().map(MerchantView::of).toList());
    }

    @PUT
    @Path("{id}/fee-rate")
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    @Operation(summary = "Set a merchant's fee rate in basis points (administrators)")
    public Uni<MerchantView> feeRate(@PathParam("id") UUID id, @Valid @NotNull FeeRate body) {
        return Merchant.<Merchant>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Merchant " + id))
                .invoke(merchant -> {
                    merchant.feeBps = body.feeBps();
                    merchant.updatedAt = Instant.now(clock);
                })
                .map(MerchantView::of);
    }
}
