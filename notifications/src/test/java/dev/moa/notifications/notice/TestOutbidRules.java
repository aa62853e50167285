package dev.moa.notifications.notice;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rule the real Outbid event will get, registered for the test-only {@link LotOutbid}: tell the outbid bidder,
 * coalesced per lot (at most one message per lot and member per window).
 */
@ApplicationScoped
public class TestOutbidRules implements NoticeRules {

    @Override
    public void register(NoticeRegistry registry) {
        registry.onEach(LotOutbid.TYPE, LotOutbid.class, event -> Notice
                .of(event.bidderId(), Category.OUTBID, "outbid", event.lotId())
                .with("price", event.price())
                .coalescedBy(event.lotId()));
    }
}
