package dev.moa.notifications.notice;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A test-only stand-in for auction-bidding's Outbid (not on main yet): {@code bidderId} no longer leads lot
 * {@code lotId}, whose price is now {@code price}. Published on {@code auction.events} like the real one will be.
 */
public record LotOutbid(UUID lotId, UUID bidderId, long price, Instant occurredAt) implements MoaEvent {

    public static final String TYPE = "dev.moa.test.LotOutbid";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return lotId.toString();
    }
}
