package dev.moa.events.auction;

import dev.moa.events.JsonContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the JSON form of auction-bidding's events ({@code auction.events} and {@code auction.bids}). */
class AuctionEventsContractTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant STARTS = Instant.parse("2026-11-22T09:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-11-29T09:00:00Z");
    private static final UUID LOT = UUID.fromString("5b1f0a3c-2d4e-4f60-8a7b-9c0d1e2f3a4b");
    private static final UUID SELLER = UUID.fromString("6c2a1b4d-3e5f-4a71-9b8c-0d1e2f3a4b5c");
    private static final UUID BIDDER = UUID.fromString("0b7e3f0c-5a3e-4c7a-9a51-3c2d1e0f9a11");
    private static final UUID RIVAL = UUID.fromString("1c8f4a1d-6b4f-4d8b-8b62-4d3e2f1a0b22");
    private static final UUID HOLD = UUID.fromString("7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f");

    @Test
    void lotScheduled() {
        JsonContract.assertPinned(new LotScheduled(LOT, SELLER, "Moon jar", "Kim Whanki", "PAINTING", 1_000_000,
                50_000_000L, STARTS, ENDS, AT), "auction/lot-scheduled.json");
    }

    @Test
    void lotOpened() {
        JsonContract.assertPinned(new LotOpened(LOT, SELLER, 1_000_000, ENDS, STARTS), "auction/lot-opened.json");
    }

    @Test
    void lotCanceled() {
        JsonContract.assertPinned(new LotCanceled(LOT, SELLER, "ADMIN", AT), "auction/lot-canceled.json");
    }

    @Test
    void registrationApproved() {
        JsonContract.assertPinned(new RegistrationApproved(LOT, BIDDER, 5_000_000, HOLD, AT),
                "auction/registration-approved.json");
    }

    @Test
    void registrationRejected() {
        JsonContract.assertPinned(new RegistrationRejected(LOT, BIDDER, 5_000_000, HOLD, "INSUFFICIENT_FUNDS", AT),
                "auction/registration-rejected.json");
    }

    @Test
    void bidAccepted() {
        JsonContract.assertPinned(new BidAccepted(LOT, 7, BIDDER, "PROXY", 3_000_000, 2_100_000, BIDDER, 3_000_000,
                RIVAL, ENDS, true, 1, false, AT), "auction/bid-accepted.json");
    }

    @Test
    void maximumRaised() {
        JsonContract.assertPinned(new MaximumRaised(LOT, BIDDER, 7, 4_500_000, AT), "auction/maximum-raised.json");
    }

    @Test
    void outbid() {
        JsonContract.assertPinned(new Outbid(LOT, RIVAL, 7, 2_100_000, ENDS, AT), "auction/outbid.json");
    }

    @Test
    void lotExtended() {
        JsonContract.assertPinned(new LotExtended(LOT, 7, ENDS, 1, AT), "auction/lot-extended.json");
    }

    @Test
    void lotClosedSold() {
        JsonContract.assertPinned(new LotClosed(LOT, SELLER, LotClosed.SOLD, BIDDER, 2_100_000L, HOLD, 7, ENDS),
                "auction/lot-closed-sold.json");
    }

    @Test
    void lotClosedSoldWithARunnerUp() {
        JsonContract.assertPinned(new LotClosed(LOT, SELLER, LotClosed.SOLD, BIDDER, 2_100_000L, HOLD, 7, ENDS, RIVAL,
                2_000_000L), "auction/lot-closed-sold-runner-up.json");
    }

    @Test
    void lotClosedReserveNotMetNamesTheHighestBidder() {
        JsonContract.assertPinned(new LotClosed(LOT, SELLER, LotClosed.RESERVE_NOT_MET, null, null, null, 3, ENDS, null,
                null, BIDDER, 1_800_000L), "auction/lot-closed-reserve-not-met.json");
    }

    @Test
    void lotClosedUnsold() {
        JsonContract.assertPinned(new LotClosed(LOT, SELLER, LotClosed.UNSOLD, null, null, null, 0, ENDS),
                "auction/lot-closed-unsold.json");
    }

    @Test
    void auctionEventsAreKeyedByLot() {
        assertThat(new BidAccepted(LOT, 1, BIDDER, "MANUAL", 1, 1, BIDDER, 1, null, ENDS, false, 0, false, AT)
                .subject()).isEqualTo(LOT.toString());
        assertThat(new Outbid(LOT, RIVAL, 2, 2, ENDS, AT).subject()).isEqualTo(LOT.toString());
        assertThat(new MaximumRaised(LOT, BIDDER, 1, 2, AT).subject()).isEqualTo(LOT.toString());
        assertThat(new MaximumRaised(LOT, BIDDER, 1, 2, AT).eventType()).isEqualTo("dev.moa.auction.MaximumRaised");
        assertThat(new LotClosed(LOT, SELLER, LotClosed.UNSOLD, null, null, null, 0, ENDS).eventType())
                .isEqualTo("dev.moa.auction.LotClosed");
    }
}
