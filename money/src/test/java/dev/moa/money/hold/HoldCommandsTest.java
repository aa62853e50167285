package dev.moa.money.hold;

import dev.moa.events.money.AccountRef;
import dev.moa.events.money.CaptureHold;
import dev.moa.events.money.LinkedTransfer;
import dev.moa.events.money.PlaceHold;
import dev.moa.events.money.Transfer;
import dev.moa.events.money.VoidHold;
import dev.moa.money.MoneyApi;
import dev.moa.money.hold.MoneyCommands.Event;
import dev.moa.money.ledger.LedgerInvariant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.moa.money.hold.MoneyCommands.ESCROW;
import static dev.moa.money.hold.MoneyCommands.FEES_REVENUE;
import static dev.moa.money.hold.MoneyCommands.SETTLEMENT_PAYABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holds through {@code money.commands}, as auction-bidding and payment will send them, against the real broker and
 * database: each command's effect on the balances, and its one answer on {@code money.events}.
 */
@QuarkusTest
class HoldCommandsTest {

    private static final Instant IN_A_DAY = Instant.now().plus(1, ChronoUnit.DAYS);

    @Inject
    LedgerInvariant invariant;

    @AfterEach
    void ledgerBalancesAndNoWalletIsOverdrawn() throws Throwable {
        assertThat(VertxContextSupport.subscribeAndAwait(invariant::imbalance)).as("the service's imbalance").isZero();
        assertThat(VertxContextSupport.subscribeAndAwait(invariant::pendingMismatches))
                .as("the service's pending mismatches").isZero();
        assertThat(MoneyApi.count("select coalesce(sum(credits_posted - debits_posted), 0) from accounts"))
                .as("sum of all balances").isZero();
        assertThat(MoneyApi.count("select count(*) from accounts where kind <> 'SYSTEM' "
                + "and debits_posted + debits_pending > credits_posted")).as("overdrawn wallets").isZero();
        assertThat(MoneyApi.count("select count(*) from accounts a where debits_pending <> "
                + "(select coalesce(sum(amount), 0) from holds h where h.debit_account_id = a.id and status = 'PENDING')"))
                .as("accounts whose pending debits are not their pending holds").isZero();
    }

    @Test
    void placingAHoldReducesAvailableButNotPosted() {
        UUID member = fundedMember(100_000);
        UUID holdId = UUID.randomUUID();
        UUID commandId = place(member, holdId, 30_000, IN_A_DAY);

        Event answer = MoneyCommands.answer(commandId);
        assertThat(answer.type()).isEqualTo("dev.moa.money.HoldPlaced");
        assertThat(answer.key()).isEqualTo(holdId.toString());
        assertThat(answer.data().path("amount").asLong()).isEqualTo(30_000);
        assertThat(answer.data().path("ownerId").asText()).isEqualTo(member.toString());
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(100_000);
        assertThat(pending(member)).isEqualTo(30_000);
        assertThat(MoneyApi.count("select credits_posted - debits_posted - debits_pending from accounts "
                + "where owner_id = ?", member)).as("available").isEqualTo(70_000);
    }

    @Test
    void aPartialCaptureMovesTheCapturedAmountAndReleasesTheRest() {
        UUID member = fundedMember(100_000);
        UUID holdId = placed(member, 50_000);
        long escrowBefore = balanceOfAccount(ESCROW);
        UUID transferId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();

        MoneyCommands.send(new CaptureHold(commandId, holdId, transferId, AccountRef.system("ESCROW"), 20_000, null,
                "lot:7", "hammer price", List.of()));

        Event answer = MoneyCommands.answer(commandId);
        assertThat(answer.type()).isEqualTo("dev.moa.money.HoldCaptured");
        assertThat(answer.data().path("capturedAmount").asLong()).isEqualTo(20_000);
        assertThat(answer.data().path("releasedAmount").asLong()).isEqualTo(30_000);
        assertThat(answer.data().path("transferId").asText()).isEqualTo(transferId.toString());
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(80_000);
        assertThat(pending(member)).isZero();
        assertThat(balanceOfAccount(ESCROW) - escrowBefore).isEqualTo(20_000);
        assertThat(MoneyApi.count("select count(*) from transfers where id = ? and kind = 'HOLD_CAPTURE' "
                + "and amount = 20000", transferId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !MoneyCommands.events(e -> transferId.toString()
                .equals(e.key()) && "dev.moa.money.TransferPosted".equals(e.type())).isEmpty());
    }

    @Test
    void aVoidReleasesTheWholeHold() {
        UUID member = fundedMember(40_000);
        UUID holdId = placed(member, 25_000);
        UUID commandId = UUID.randomUUID();

        MoneyCommands.send(new VoidHold(commandId, holdId));

        Event answer = MoneyCommands.answer(commandId);
        assertThat(answer.type()).isEqualTo("dev.moa.money.HoldVoided");
        assertThat(answer.data().path("reason").asText()).isEqualTo("VOIDED");
        assertThat(answer.data().path("amount").asLong()).isEqualTo(25_000);
        assertThat(pending(member)).isZero();
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(40_000);
    }

    @Test
    void anExpiredHoldIsReleasedByTheExpiryJob() {
        UUID member = fundedMember(10_000);
        UUID holdId = UUID.randomUUID();
        MoneyCommands.answer(place(member, holdId, 7_000, Instant.now().plusSeconds(3)));
        assertThat(pending(member)).isEqualTo(7_000);

        await().atMost(Duration.ofSeconds(30)).until(() -> !MoneyCommands.events(e -> holdId.toString()
                .equals(e.key()) && "dev.moa.money.HoldVoided".equals(e.type())).isEmpty());
        Event released = MoneyCommands.events(e -> holdId.toString().equals(e.key())
                && "dev.moa.money.HoldVoided".equals(e.type())).get(0);
        assertThat(released.data().path("reason").asText()).isEqualTo("EXPIRED");
        assertThat(released.data().has("commandId")).isFalse();
        assertThat(pending(member)).isZero();
        assertThat(MoneyApi.count("select count(*) from holds where id = ? and status = 'EXPIRED'", holdId))
                .isEqualTo(1);
    }

    @Test
    void aCaptureAfterAVoidFailsCleanly() {
        UUID member = fundedMember(30_000);
        UUID holdId = placed(member, 30_000);
        UUID voided = UUID.randomUUID();
        MoneyCommands.send(new VoidHold(voided, holdId));
        MoneyCommands.answer(voided);
        long escrowBefore = balanceOfAccount(ESCROW);
        UUID transferId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();

        MoneyCommands.send(new CaptureHold(commandId, holdId, transferId, AccountRef.system("ESCROW"), 30_000, null,
                null, null, List.of()));

        Event answer = MoneyCommands.answer(commandId);
        assertThat(answer.type()).isEqualTo("dev.moa.money.HoldCaptureFailed");
        assertThat(answer.data().path("reason").asText()).isEqualTo("VOIDED");
        assertThat(MoneyApi.count("select count(*) from transfers where id = ?", transferId)).isZero();
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(30_000);
        assertThat(balanceOfAccount(ESCROW)).isEqualTo(escrowBefore);
    }

    @Test
    void aVoidAfterACaptureIsRefused() {
        UUID member = fundedMember(30_000);
        UUID holdId = placed(member, 30_000);
        UUID captured = UUID.randomUUID();
        MoneyCommands.send(new CaptureHold(captured, holdId, UUID.randomUUID(), AccountRef.system("ESCROW"), 30_000,
                null, null, null, List.of()));
        assertThat(MoneyCommands.answer(captured).type()).isEqualTo("dev.moa.money.HoldCaptured");
        UUID commandId = UUID.randomUUID();

        MoneyCommands.send(new VoidHold(commandId, holdId));

        Event answer = MoneyCommands.answer(commandId);
        assertThat(answer.type()).isEqualTo("dev.moa.money.HoldVoidFailed");
        assertThat(answer.data().path("reason").asText()).isEqualTo("CAPTURED");
        assertThat(MoneyApi.balanceOf(member)).isZero();
    }

    @Test
    void tenCaptureCommandsOfOneHoldWithDifferentTransfersCaptureItOnce() {
        UUID member = fundedMember(50_000);
        UUID holdId = placed(member, 50_000);
        List<UUID> commands = new ArrayList<>();
        List<UUID> transfers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            commands.add(UUID.randomUUID());
            transfers.add(UUID.randomUUID());
        }

        for (int i = 0; i < 10; i++) {
            MoneyCommands.send(new CaptureHold(commands.get(i), holdId, transfers.get(i),
                    AccountRef.system("ESCROW"), 50_000, null, null, null, List.of()));
        }

        List<Event> answers = commands.stream().map(MoneyCommands::answer).toList();
        assertThat(answers).extracting(Event::type).containsOnlyOnce("dev.moa.money.HoldCaptured")
                .filteredOn("dev.moa.money.HoldCaptureFailed"::equals).hasSize(9);
        assertThat(answers).filteredOn(a -> a.type().endsWith("HoldCaptureFailed"))
                .extracting(a -> a.data().path("reason").asText()).containsOnly("CAPTURED");
        assertThat(MoneyApi.count("select count(*) from transfers where debit_account_id = ?",
                MoneyApi.walletOf(member))).isEqualTo(1);
        assertThat(MoneyApi.balanceOf(member)).isZero();
    }

    @Test
    void tenConcurrentCapturesAtTheDatabaseCaptureOnce() throws Exception {
        UUID member = fundedMember(60_000);
        UUID holdId = placed(member, 60_000);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                outcomes.add(pool.submit(() -> {
                    try (Connection connection = MoneyApi.connect(); PreparedStatement capture = connection
                            .prepareStatement("select moa_capture_hold(?, ?, ?, ?, 'HOLD_CAPTURE', null, null)")) {
                        capture.setObject(1, holdId);
                        capture.setObject(2, UUID.randomUUID());
                        capture.setObject(3, ESCROW);
                        capture.setLong(4, 40_000);
                        start.await();
                        try (ResultSet result = capture.executeQuery()) {
                            result.next();
                            return result.getString(1);
                        }
                    }
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get(1, TimeUnit.MINUTES));
            }
            assertThat(answers).containsOnlyOnce("CAPTURED").filteredOn("NOT_PENDING"::equals).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(20_000);
        assertThat(pending(member)).isZero();
    }

    @Test
    void aHoldBeyondAvailableIsRejected() {
        UUID member = fundedMember(10_000);
        placed(member, 6_000);
        UUID holdId = UUID.randomUUID();

        UUID commandId = place(member, holdId, 6_000, IN_A_DAY);

        Event answer = MoneyCommands.answer(commandId);
        assertThat(answer.type()).isEqualTo("dev.moa.money.HoldRejected");
        assertThat(answer.data().path("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(answer.key()).isEqualTo(holdId.toString());
        assertThat(pending(member)).isEqualTo(6_000);
        assertThat(MoneyApi.count("select count(*) from holds where id = ?", holdId)).isZero();
    }

    @Test
    void aHoldOnAnUnknownWalletIsRejected() {
        UUID commandId = place(UUID.randomUUID(), UUID.randomUUID(), 1_000, IN_A_DAY);

        Event answer = MoneyCommands.answer(commandId);
        assertThat(answer.type()).isEqualTo("dev.moa.money.HoldRejected");
        assertThat(answer.data().path("reason").asText()).isEqualTo("UNKNOWN_ACCOUNT");
    }

    @Test
    void aRedeliveredCommandHasOneEffectAndOneAnswer() {
        UUID member = fundedMember(20_000);
        UUID holdId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        PlaceHold place = new PlaceHold(commandId, holdId, "MEMBER", member, 5_000, IN_A_DAY, "auction:1");
        String cloudEventId = UUID.randomUUID().toString();

        MoneyCommands.send(place, cloudEventId);
        MoneyCommands.send(place, cloudEventId);
        MoneyCommands.send(place);
        // Same key, so the void is handled after the three copies: once it is answered, they all were.
        UUID voidId = UUID.randomUUID();
        MoneyCommands.send(new VoidHold(voidId, holdId));
        MoneyCommands.answer(voidId);

        assertThat(MoneyCommands.answers(commandId)).hasSize(1);
        assertThat(MoneyApi.count("select count(*) from moa_outbox where subject = ? "
                + "and event_type = 'dev.moa.money.HoldPlaced'", holdId.toString())).isEqualTo(1);
        assertThat(MoneyApi.count("select count(*) from holds where id = ?", holdId)).isEqualTo(1);
        assertThat(pending(member)).isZero();
    }

    @Test
    void aRedeliveredCaptureMovesMoneyOnce() {
        UUID member = fundedMember(20_000);
        UUID holdId = placed(member, 20_000);
        CaptureHold capture = new CaptureHold(UUID.randomUUID(), holdId, UUID.randomUUID(),
                AccountRef.system("ESCROW"), 15_000, null, null, null, List.of());

        MoneyCommands.send(capture);
        MoneyCommands.send(capture);
        UUID voidId = UUID.randomUUID();
        MoneyCommands.send(new VoidHold(voidId, holdId));
        MoneyCommands.answer(voidId);

        assertThat(MoneyCommands.answers(capture.commandId())).extracting(Event::type)
                .containsExactly("dev.moa.money.HoldCaptured");
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(5_000);
    }

    @Test
    void aCaptureWithLinkedTransfersPostsAllOfThemOrNone() {
        UUID buyer = fundedMember(100_000);
        UUID broke = fundedMember(1);
        UUID holdId = placed(buyer, 100_000);
        long settlementBefore = balanceOfAccount(SETTLEMENT_PAYABLE);
        long feesBefore = balanceOfAccount(FEES_REVENUE);
        UUID proceeds = UUID.randomUUID();
        UUID fee = UUID.randomUUID();
        UUID capture = UUID.randomUUID();
        UUID failing = UUID.randomUUID();

        MoneyCommands.send(new CaptureHold(failing, holdId, capture, AccountRef.system("ESCROW"), 100_000, null,
                "lot:9", null, List.of(
                        new LinkedTransfer(proceeds, AccountRef.system("ESCROW"), AccountRef.system(
                                "SETTLEMENT_PAYABLE"), 90_000, "SETTLEMENT", "lot:9", null),
                        new LinkedTransfer(fee, AccountRef.member(broke), AccountRef.system("FEES_REVENUE"), 10_000,
                                "FEE", "lot:9", null))));

        Event refused = MoneyCommands.answer(failing);
        assertThat(refused.type()).isEqualTo("dev.moa.money.HoldCaptureFailed");
        assertThat(refused.data().path("reason").asText()).isEqualTo("LINKED_TRANSFER_FAILED");
        assertThat(refused.data().path("detail").asText()).contains(fee.toString());
        assertThat(MoneyApi.count("select count(*) from transfers where id in (?, ?, ?)", capture, proceeds, fee))
                .isZero();
        assertThat(MoneyApi.count("select count(*) from holds where id = ? and status = 'PENDING'", holdId))
                .isEqualTo(1);
        assertThat(MoneyApi.balanceOf(buyer)).isEqualTo(100_000);
        assertThat(balanceOfAccount(SETTLEMENT_PAYABLE)).isEqualTo(settlementBefore);

        UUID succeeding = UUID.randomUUID();
        MoneyCommands.send(new CaptureHold(succeeding, holdId, capture, AccountRef.system("ESCROW"), 100_000, null,
                "lot:9", null, List.of(
                        new LinkedTransfer(proceeds, AccountRef.system("ESCROW"), AccountRef.system(
                                "SETTLEMENT_PAYABLE"), 90_000, "SETTLEMENT", "lot:9", null),
                        new LinkedTransfer(fee, AccountRef.system("ESCROW"), AccountRef.system("FEES_REVENUE"),
                                10_000, "FEE", "lot:9", null))));

        Event captured = MoneyCommands.answer(succeeding);
        assertThat(captured.type()).isEqualTo("dev.moa.money.HoldCaptured");
        assertThat(captured.data().path("linkedTransferIds")).hasSize(2);
        assertThat(MoneyApi.count("select count(*) from transfers where id in (?, ?, ?)", capture, proceeds, fee))
                .isEqualTo(3);
        assertThat(MoneyApi.balanceOf(buyer)).isZero();
        assertThat(balanceOfAccount(SETTLEMENT_PAYABLE) - settlementBefore).isEqualTo(90_000);
        assertThat(balanceOfAccount(FEES_REVENUE) - feesBefore).isEqualTo(10_000);
    }

    @Test
    void aTransferCommandPostsOrIsRejectedWithItsLinkedTransfers() {
        UUID payer = fundedMember(10_000);
        UUID paid = UUID.randomUUID();

        MoneyCommands.send(new Transfer(paid, AccountRef.member(payer), AccountRef.system("SETTLEMENT_PAYABLE"),
                9_000, "PAYMENT", "order:1", null, List.of(new LinkedTransfer(UUID.randomUUID(),
                AccountRef.system("SETTLEMENT_PAYABLE"), AccountRef.system("FEES_REVENUE"), 900, "FEE", "order:1",
                null))));
        await().atMost(Duration.ofSeconds(30)).until(() -> !MoneyCommands.events(e -> paid.toString().equals(e.key())
                && "dev.moa.money.TransferPosted".equals(e.type())).isEmpty());
        assertThat(MoneyApi.balanceOf(payer)).isEqualTo(1_000);

        UUID tooMuch = UUID.randomUUID();
        UUID linkedLeg = UUID.randomUUID();
        MoneyCommands.send(new Transfer(tooMuch, AccountRef.system("ESCROW"), AccountRef.member(payer), 5_000,
                "REFUND", null, null, List.of(new LinkedTransfer(linkedLeg, AccountRef.member(payer),
                AccountRef.system("FEES_REVENUE"), 7_000, "FEE", null, null))));

        Event rejected = MoneyCommands.answer(tooMuch);
        assertThat(rejected.type()).isEqualTo("dev.moa.money.TransferRejected");
        assertThat(rejected.data().path("reason").asText()).isEqualTo("LINKED_TRANSFER_FAILED");
        assertThat(MoneyApi.count("select count(*) from transfers where id in (?, ?)", tooMuch, linkedLeg)).isZero();
        assertThat(MoneyApi.balanceOf(payer)).isEqualTo(1_000);
    }

    @Test
    void aRecordThatIsNoCommandDoesNotStopTheConsumer() {
        UUID member = fundedMember(1_000);
        UUID holdId = UUID.randomUUID();
        MoneyApi.publish("money.commands", "/moa/test", new dev.moa.events.money.HoldVoidFailed(holdId, "X", null,
                Instant.now()), UUID.randomUUID().toString());
        // The consumer keeps going after a poison record.
        UUID commandId = place(member, holdId, 1_000, IN_A_DAY);
        assertThat(MoneyCommands.answer(commandId).type()).isEqualTo("dev.moa.money.HoldPlaced");
    }

    private static UUID fundedMember(long amount) {
        UUID member = MoneyApi.newMember();
        MoneyApi.fund(member, amount);
        return member;
    }

    /** Places a hold and waits until it is placed. */
    private static UUID placed(UUID member, long amount) {
        UUID holdId = UUID.randomUUID();
        Event answer = MoneyCommands.answer(place(member, holdId, amount, IN_A_DAY));
        assertThat(answer.type()).isEqualTo("dev.moa.money.HoldPlaced");
        return holdId;
    }

    private static UUID place(UUID member, UUID holdId, long amount, Instant expiresAt) {
        UUID commandId = UUID.randomUUID();
        MoneyCommands.send(new PlaceHold(commandId, holdId, "MEMBER", member, amount, expiresAt, "test"));
        return commandId;
    }

    private static long pending(UUID owner) {
        return MoneyApi.count("select debits_pending from accounts where owner_id = ?", owner);
    }

    private static long balanceOfAccount(UUID accountId) {
        return MoneyApi.count("select credits_posted - debits_posted from accounts where id = ?", accountId);
    }
}
