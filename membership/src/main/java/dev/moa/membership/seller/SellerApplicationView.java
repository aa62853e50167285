package dev.moa.membership.seller;

import java.time.Instant;
import java.util.UUID;

public record SellerApplicationView(UUID id, UUID memberId, String businessName, SellerApplication.Status status,
                                    Instant submittedAt, Instant decidedAt, String reason) {

    static SellerApplicationView of(SellerApplication application) {
        return new SellerApplicationView(application.id, application.memberId, application.businessName,
                application.status, application.submittedAt, application.decidedAt, application.reason);
    }
}
