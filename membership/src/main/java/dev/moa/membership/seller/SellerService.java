package dev.moa.membership.seller;

import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.Constraints;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.events.Topics;
import dev.moa.events.membership.SellerApproved;
import dev.moa.membership.member.Member;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Applications to sell and their decision by an admin; approval grants SELLER from the member's next token. */
@ApplicationScoped
public class SellerService {

    private static final int LIST_LIMIT = 100;

    private final Outbox outbox;

    public SellerService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<SellerApplicationView> apply(UUID memberId, String businessName) {
        return Panache.withTransaction(() -> Member.<Member>findById(memberId)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Member " + memberId))
                        .chain(member -> {
                            if (member.seller) {
                                throw ProblemException.conflict("already-seller", "You are already a seller");
                            }
                            return SellerApplication.pendingOf(memberId);
                        })
                        .chain(pending -> {
                            if (pending != null) {
                                throw pendingExists();
                            }
                            SellerApplication application = new SellerApplication();
                            application.id = UUID.randomUUID();
                            application.memberId = memberId;
                            application.businessName = Normalizer.normalize(businessName.strip(),
                                    Normalizer.Form.NFC);
                            application.status = SellerApplication.Status.PENDING;
                            application.submittedAt = Instant.now();
                            return application.persistAndFlush().replaceWith(application);
                        }))
                .onFailure(Constraints::isUniqueViolation).transform(e -> pendingExists())
                .map(SellerApplicationView::of);
    }

    public Uni<SellerApplicationView> latest(UUID memberId) {
        return Panache.withSession(() -> SellerApplication.latestOf(memberId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("A seller application"))
                .map(SellerApplicationView::of);
    }

    public Uni<List<SellerApplicationView>> pending() {
        return Panache.withSession(() -> SellerApplication.<SellerApplication>find(
                        "status = ?1 order by submittedAt", SellerApplication.Status.PENDING)
                .page(0, LIST_LIMIT).list())
                .map(list -> list.stream().map(SellerApplicationView::of).toList());
    }

    public Uni<SellerApplicationView> approve(UUID memberId, UUID adminId) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> pendingApplication(memberId).chain(application -> {
            application.decide(SellerApplication.Status.APPROVED, adminId, null, now);
            return Member.<Member>findById(memberId)
                    .invoke(member -> {
                        member.seller = true;
                        member.updatedAt = now;
                    })
                    .chain(() -> outbox.append(Topics.MEMBERSHIP_EVENTS,
                            new SellerApproved(memberId, application.businessName, adminId, now)))
                    .replaceWith(application);
        })).map(SellerApplicationView::of);
    }

    public Uni<SellerApplicationView> reject(UUID memberId, UUID adminId, String reason) {
        return Panache.withTransaction(() -> pendingApplication(memberId).invoke(application ->
                        application.decide(SellerApplication.Status.REJECTED, adminId, reason, Instant.now())))
                .map(SellerApplicationView::of);
    }

    private static Uni<SellerApplication> pendingApplication(UUID memberId) {
        return SellerApplication.pendingOf(memberId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("A pending application of " + memberId));
    }

    private static ProblemException pendingExists() {
        return ProblemException.conflict("application-pending", "You already have an application waiting");
    }
}
