package dev.moa.payment.settlement;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A seller's settlement reports (their own sales and their merchants'); another seller's is not found. */
@Path("/settlements")
@Tag(name = "settlements")
@RolesAllowed(Roles.SELLER)
public class SettlementResource {

    private final CurrentMember member;

    public SettlementResource(CurrentMember member) {
        this.member = member;
    }

    public record SettlementView(UUID id, String payeeKind, UUID payeeId, LocalDate businessDate, int items,
                                 long gross, int feeBps, long fee, long net, String status, String failureReason,
                                 Instant createdAt, Instant paidAt) {

        static SettlementView of(Settlement s) {
            return new SettlementView(s.id, s.payeeKind, s.payeeId, s.businessDate, s.items, s.gross, s.feeBps, s.fee,
                    s.net, s.status, s.failureReason, s.createdAt, s.paidAt);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "Your settlements, newest first")
    public Uni<List<SettlementView>> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        return Settlement.<Settlement>find("sellerId", Sort.descending("businessDate").and("id"), member.id())
                .page(Page.of(page, size)).list().map(list -> list.stream().map(SettlementView::of).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "One settlement report: items, gross, fee, net")
    public Uni<SettlementView> one(@PathParam("id") UUID id) {
        UUID me = member.id();
        return Settlement.<Settlement>findById(id).map(s -> {
            if (s == null || !s.sellerId.equals(me)) {
                throw ProblemException.notFound("Settlement " + id);
            }
            return SettlementView.of(s);
        });
    }
}
