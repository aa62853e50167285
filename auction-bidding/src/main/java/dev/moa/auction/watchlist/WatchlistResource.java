package dev.moa.auction.watchlist;

import dev.moa.auction.lot.Lot;
import dev.moa.auction.lot.LotView;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The lots a member watches (at most {@value #MAX_WATCHED}). */
@Path("/watchlist")
@Tag(name = "watchlist")
@RolesAllowed({Roles.MEMBER, Roles.SELLER, Roles.ADMIN})
public class WatchlistResource {

    public static final int MAX_WATCHED = 200;

    private final CurrentMember member;

    public WatchlistResource(CurrentMember member) {
        this.member = member;
    }

    @PUT
    @Path("/{lotId}")
    @Operation(summary = "Watch a lot (idempotent)")
    public Uni<Void> watch(@PathParam("lotId") UUID lotId) {
        UUID me = member.id();
        return Panache.withTransaction(() -> Lot.<Lot>findById(lotId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("The lot"))
                .chain(lot -> Panache.getSession())
                .chain(session -> session.createNativeQuery("select count(*) from watchlist where member_id = ?1",
                                Long.class).setParameter(1, me).getSingleResult()
                        .chain(count -> {
                            if (count >= MAX_WATCHED) {
                                throw ProblemException.unprocessable("watchlist-full",
                                        "A watchlist holds at most " + MAX_WATCHED + " lots");
                            }
                            return session.createNativeQuery("insert into watchlist (member_id, lot_id) values "
                                    + "(?1, ?2) on conflict do nothing").setParameter(1, me).setParameter(2, lotId)
                                    .executeUpdate();
                        })))
                .replaceWithVoid();
    }

    @DELETE
    @Path("/{lotId}")
    @Operation(summary = "Stop watching a lot")
    public Uni<Void> unwatch(@PathParam("lotId") UUID lotId) {
        UUID me = member.id();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from watchlist where member_id = ?1 and lot_id = ?2")
                        .setParameter(1, me).setParameter(2, lotId).executeUpdate()))
                .replaceWithVoid();
    }

    @GET
    @Operation(summary = "The lots you watch, ending soonest first")
    public Uni<List<LotView>> watched() {
        UUID me = member.id();
        return Panache.withSession(() -> Lot.<Lot>find("id in (select w.lotId from Watch w where w.memberId = ?1) "
                        + "order by endsAt", me).range(0, MAX_WATCHED - 1).list())
                .map(lots -> lots.stream().map(lot -> LotView.of(lot, null, false, null)).toList());
    }
}
