package dev.moa.events.membership;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/** An admin approved a member's application to sell: the member now holds the SELLER role. */
public record SellerApproved(UUID memberId, String businessName, UUID approvedBy, Instant occurredAt)
        implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.membership.SellerApproved";
    }

    @Override
    public String subject() {
        return memberId.toString();
    }
}
