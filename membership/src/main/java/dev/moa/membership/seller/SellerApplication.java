package dev.moa.membership.seller;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A member's application to sell. PENDING → APPROVED or REJECTED, decided once by an admin. */
@Entity
@Table(name = "seller_applications")
public class SellerApplication extends PanacheEntityBase {

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "business_name")
    public String businessName;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public UUID decidedBy;

    public String reason;

    public static Uni<SellerApplication> pendingOf(UUID memberId) {
        return find("memberId = ?1 and status = ?2", memberId, Status.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public static Uni<SellerApplication> latestOf(UUID memberId) {
        return find("memberId = ?1 order by submittedAt desc", memberId).firstResult();
    }

    public void decide(Status decision, UUID admin, String why, Instant at) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("application " + id + " was already decided");
        }
        status = decision;
        decidedBy = admin;
        decidedAt = at;
        reason = why;
    }
}
