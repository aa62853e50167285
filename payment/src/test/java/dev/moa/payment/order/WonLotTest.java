package dev.moa.payment.order;

import dev.moa.devstack.DevStackResource;
import dev.moa.events.Topics;
import dev.moa.events.auction.LotClosed;
import dev.moa.events.auction.RegistrationApproved;
import dev.moa.payment.FakeMoney;
import dev.moa.payment.PaymentApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.moa.payment.PaymentApi.count;
import static dev.moa.payment.PaymentApi.outboxed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Won lots against the real broker and database, money played by {@link FakeMoney}; premium 10 % (the default). */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_payment"))
class WonLotTest {

    static final String CONSUMER = "payment.auction-events";

    @BeforeAll
    static void money() {
        FakeMoney.start();
    }

    record Lot(UUID lotId, UUID sellerId, UUID winnerId, UUID holdId) {

        static Lot create() {
            return new Lot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        }

        UUID orderId() {
            return OrderService.orderIdOf(lotId);
        }

        LotClosed sold(long hammer) {
            return new LotClosed(lotId, sellerId, LotClosed.SOLD, winnerId, hammer, holdId, 5, Instant.now());
        }

        String approve(long limit) {
            return PaymentApi.publish(Topics.AUCTION_EVENTS, new RegistrationApproved(lotId, winnerId, limit, holdId,
                    Instant.now()));
        }
    }

    static String status(Lot lot) {
        return PaymentApi.text("select status from orders where lot_id = ?", lot.lotId());
    }

    static void awaitStatus(Lot lot, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status(lot)));
    }

    @Test
    void lotClosedThreeTimesAndACommandResentBeforeTheAnswerIsOneOrderAndOneCharge() {
        Lot lot = Lot.create();
        lot.approve(5_000_000);
        FakeMoney.holdBackAnswers(lot.holdId());
        LotClosed sold = lot.sold(2_100_000);
        String eventId = UUID.randomUUID().toString();
        PaymentApi.publish(Topics.AUCTION_EVENTS, sold, eventId);
        PaymentApi.publish(Topics.AUCTION_EVENTS, sold, eventId);
        String again = PaymentApi.publish(Topics.AUCTION_EVENTS, sold);
        FakeMoney.Command capture = FakeMoney.awaitCommand(lot.holdId());
        PaymentApi.awaitHandled(CONSUMER, again);

        // The window between the charge and its recording: the relay sends the command again (as after a crash before
        // it marked the row published), then the answer arrives, then everything is delivered once more.
        PaymentApi.publishRaw(Topics.MONEY_COMMANDS, lot.holdId().toString(), capture.type(),
                capture.data().toString(), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> FakeMoney.commandsFor(lot.holdId()).size() == 2);
        FakeMoney.release(lot.holdId());
        awaitStatus(lot, "PAID");
        String answerAgain = PaymentApi.publish(Topics.MONEY_EVENTS, FakeMoney.answerTo(capture.commandId()));
        String lastLotClosed = PaymentApi.publish(Topics.AUCTION_EVENTS, sold);
        PaymentApi.awaitHandled("payment.money-events", answerAgain);
        PaymentApi.awaitHandled(CONSUMER, lastLotClosed);

        assertThat(count("select count(*) from orders where lot_id = ?", lot.lotId())).isEqualTo(1);
        assertThat(outboxed(Topics.MONEY_COMMANDS, "dev.moa.money.command.CaptureHold", lot.holdId())).isEqualTo(1);
        assertThat(FakeMoney.appliedFor(lot.holdId())).as("charges money applied").isEqualTo(1);
        assertThat(outboxed(Topics.PAYMENT_EVENTS, "dev.moa.payment.AuctionPaymentCompleted", lot.orderId()))
                .isEqualTo(1);
        assertThat(status(lot)).isEqualTo("PAID");
    }

    @Test
    void theHoldPaysHammerAndPremiumIntoEscrowWhichPaysSettlementPayableAndFees() {
        Lot lot = Lot.create();
        lot.approve(5_000_000);
        PaymentApi.publish(Topics.AUCTION_EVENTS, lot.sold(2_100_000));

        var capture = FakeMoney.awaitCommand(lot.holdId()).data();
        assertThat(capture.path("amount").asLong()).isEqualTo(2_310_000);
        assertThat(capture.path("credit").path("code").asText()).isEqualTo("ESCROW");
        assertThat(capture.path("linked")).hasSize(2);
        assertThat(capture.path("linked").get(0).path("credit").path("code").asText()).isEqualTo("SETTLEMENT_PAYABLE");
        assertThat(capture.path("linked").get(0).path("amount").asLong()).isEqualTo(2_100_000);
        assertThat(capture.path("linked").get(1).path("credit").path("code").asText()).isEqualTo("FEES_REVENUE");
        assertThat(capture.path("linked").get(1).path("amount").asLong()).isEqualTo(210_000);
        assertThat(capture.path("linked").get(1).path("kind").asText()).isEqualTo("FEE");
        awaitStatus(lot, "PAID");
    }

    @Test
    void thePartAboveTheHoldIsALinkedTransferFromTheWinnersWallet() {
        Lot lot = Lot.create();
        lot.approve(1_000_000);
        PaymentApi.publish(Topics.AUCTION_EVENTS, lot.sold(2_100_000));

        var capture = FakeMoney.awaitCommand(lot.holdId()).data();
        assertThat(capture.path("amount").asLong()).isEqualTo(1_000_000);
        var fromWallet = capture.path("linked").get(0);
        assertThat(fromWallet.path("debit").path("ownerId").asText()).isEqualTo(lot.winnerId().toString());
        assertThat(fromWallet.path("credit").path("code").asText()).isEqualTo("ESCROW");
        assertThat(fromWallet.path("amount").asLong()).isEqualTo(1_310_000);
        assertThat(capture.path("linked")).hasSize(3);
        awaitStatus(lot, "PAID");
    }

    @Test
    void aRefusedCaptureFailsTheOrderAndSaysSo() {
        Lot lot = Lot.create();
        lot.approve(5_000_000);
        FakeMoney.refuse(lot.holdId(), "EXPIRED");
        PaymentApi.publish(Topics.AUCTION_EVENTS, lot.sold(3_000_000));

        awaitStatus(lot, "PAYMENT_FAILED");
        assertThat(PaymentApi.text("select failure_reason from orders where lot_id = ?", lot.lotId()))
                .isEqualTo("EXPIRED");
        assertThat(outboxed(Topics.PAYMENT_EVENTS, "dev.moa.payment.AuctionPaymentFailed", lot.orderId()))
                .isEqualTo(1);
        assertThat(FakeMoney.appliedFor(lot.holdId())).isZero();
    }

    @Test
    void unsoldAndReserveNotMetMakeNoOrderAndNoCharge() {
        Lot unsold = Lot.create();
        Lot reserve = Lot.create();
        String first = PaymentApi.publish(Topics.AUCTION_EVENTS, new LotClosed(unsold.lotId(), unsold.sellerId(),
                LotClosed.UNSOLD, null, null, null, 0, Instant.now()));
        String second = PaymentApi.publish(Topics.AUCTION_EVENTS, new LotClosed(reserve.lotId(), reserve.sellerId(),
                LotClosed.RESERVE_NOT_MET, null, null, null, 3, Instant.now()));
        PaymentApi.awaitHandled(CONSUMER, first);
        PaymentApi.awaitHandled(CONSUMER, second);

        assertThat(count("select count(*) from orders where lot_id in (?, ?)", unsold.lotId(), reserve.lotId()))
                .isZero();
        assertThat(count("select count(*) from moa_outbox where topic = ? and payload::text like ?",
                Topics.MONEY_COMMANDS, "%" + unsold.lotId() + "%")).isZero();
    }

    @Test
    void anUnreadableLotClosedGoesToTheDeadLetterTopicAndTheNextLotIsStillCharged() {
        Lot broken = Lot.create();
        PaymentApi.publishRaw(Topics.AUCTION_EVENTS, broken.lotId().toString(), "dev.moa.auction.LotClosed",
                "{\"lotId\": 42, \"outcome\": [", UUID.randomUUID().toString());
        Lot next = Lot.create();
        next.approve(2_000_000);
        PaymentApi.publish(Topics.AUCTION_EVENTS, next.sold(1_000_000));

        assertThat(PaymentApi.readUntil("payment.auction-events.dead-letter",
                record -> broken.lotId().toString().equals(record.key()))).hasSize(1);
        awaitStatus(next, "PAID");
    }

    @Test
    void aSoldLotWithoutItsWinnerIsADeadLetterNotAnOrder() {
        Lot lot = Lot.create();
        PaymentApi.publish(Topics.AUCTION_EVENTS, new LotClosed(lot.lotId(), lot.sellerId(), LotClosed.SOLD, null,
                1_000L, lot.holdId(), 1, Instant.now()));

        assertThat(PaymentApi.readUntil("payment.auction-events.dead-letter",
                record -> lot.lotId().toString().equals(record.key()))).hasSize(1);
        assertThat(count("select count(*) from orders where lot_id = ?", lot.lotId())).isZero();
    }
}
