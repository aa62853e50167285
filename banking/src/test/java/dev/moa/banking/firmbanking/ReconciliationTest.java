package dev.moa.banking.firmbanking;

import dev.moa.banking.BankSimulatorResource;
import dev.moa.banking.Banking;
import dev.moa.banking.Banking.Event;
import dev.moa.banking.firmbanking.Firmbanking.Customer;
import dev.moa.banksim.BankModel;
import dev.moa.banksim.FaultSettings;
import dev.moa.events.banking.FirmbankingDirection;
import dev.moa.events.banking.RequestFirmbanking;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.moa.banking.firmbanking.Firmbanking.assertAnsweredOnce;
import static dev.moa.banking.firmbanking.Firmbanking.bankKnows;
import static dev.moa.banking.firmbanking.Firmbanking.customer;
import static dev.moa.banking.firmbanking.Firmbanking.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the bank does not answer: timeouts, dropped requests, outages and a banking crash mid-call are resolved by
 * asking the bank, never by guessing, and each command is answered exactly once.
 */
@QuarkusTest
class ReconciliationTest {

    private static final Duration ANSWER = Duration.ofSeconds(45);
    private static final long HOLD_PAST_THE_CLIENT_TIMEOUT = 5_000;

    @Inject
    Reconciliation reconciliation;

    @AfterEach
    void noFaults() {
        BankSimulatorResource.bank().resetFaults();
    }

    @Test
    void aTimeoutTheBankExecutedIsReconciledToSuccessOnce() {
        Customer customer = customer(100_000);
        BankSimulatorResource.bank().setFaults(FaultSettings.NONE.withTimeoutRate(1.0, HOLD_PAST_THE_CLIENT_TIMEOUT));

        UUID commandId = request(customer, FirmbankingDirection.IN, 30_000);

        Event answer = Banking.answer(commandId, ANSWER);
        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingSucceeded");
        assertThat(answer.data().path("reconciled").asBoolean()).isTrue();
        assertThat(answer.data().path("bankTransactionId").asText())
                .isEqualTo(BankSimulatorResource.bank().recordedTransfer(commandId.toString()).orElseThrow()
                        .bankTransactionId());
        assertThat(customer.bankBalance()).isEqualTo(70_000);
        assertThat(Firmbanking.sends(commandId)).as("sent once, then only asked about").isEqualTo(1);
        assertAnsweredOnce(commandId);
    }

    @Test
    void aRequestTheBankNeverExecutedIsReconciledToFailureAfterTheInFlightWindow() {
        Customer customer = customer(100_000);
        BankSimulatorResource.bank().setFaults(FaultSettings.NONE.withDropRate(1.0, HOLD_PAST_THE_CLIENT_TIMEOUT));

        UUID commandId = request(customer, FirmbankingDirection.IN, 30_000);

        Event answer = Banking.answer(commandId, ANSWER);
        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingFailed");
        assertThat(answer.data().path("reason").asText()).isEqualTo("DECLINED");
        assertThat(answer.data().path("detail").asText()).contains("never executed");
        assertThat(answer.data().path("reconciled").asBoolean()).isTrue();
        assertThat(bankKnows(commandId)).isFalse();
        assertThat(customer.bankBalance()).isEqualTo(100_000);
        assertThat(Banking.count("select extract(epoch from decided_at - last_sent_at) * 1000 "
                + "from firmbanking_requests where command_id = ?", commandId))
                .as("decided only after the in-flight window (3 s in tests)").isGreaterThanOrEqualTo(3_000);
        assertAnsweredOnce(commandId);
    }

    @Test
    void anOutageIsRetriedWithTheSameRequestIdThenDecided() {
        Customer customer = customer(100_000);
        BankSimulatorResource.bank().setFaults(FaultSettings.NONE.withOutage(2_000L));

        UUID commandId = request(customer, FirmbankingDirection.IN, 30_000);

        Event answer = Banking.answer(commandId, ANSWER);
        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingSucceeded");
        assertThat(answer.data().path("reconciled").asBoolean()).isTrue();
        assertThat(Firmbanking.sends(commandId)).as("refused at first, sent again").isGreaterThanOrEqualTo(2);
        assertThat(customer.bankBalance()).isEqualTo(70_000);
        assertAnsweredOnce(commandId);
    }

    @Test
    void aCrashAfterTheBankExecutedIsFoundByTheJobAndRecordedOnce() {
        Customer customer = customer(100_000);
        RequestFirmbanking command = new RequestFirmbanking(UUID.randomUUID(), customer.memberId(),
                customer.bankAccountId(), FirmbankingDirection.IN, 25_000, Instant.now());
        String cloudEventId = UUID.randomUUID().toString();
        // What a crash between the bank's answer and recording it leaves: the command's inbox record and its request
        // recorded SENT (both committed before the call), the transfer executed at the bank, no outcome recorded.
        leaveAsACrashWould(command, customer, cloudEventId);
        BankSimulatorResource.bank().transfer(new BankModel.TransferRequest(command.commandId().toString(),
                BankModel.Direction.IN, customer.account().bankCode(), customer.account().accountNumber(), 25_000L));
        // After the restart Kafka delivers the unacknowledged command again.
        request(command, cloudEventId);

        Event answer = Banking.answer(command.commandId(), ANSWER);
        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingSucceeded");
        assertThat(answer.data().path("reconciled").asBoolean()).isTrue();
        assertThat(customer.bankBalance()).isEqualTo(75_000);
        assertThat(Firmbanking.sends(command.commandId())).isEqualTo(1);
        assertAnsweredOnce(command.commandId());
    }

    @Test
    void aCrashBeforeTheCallIsReconciledToFailure() {
        Customer customer = customer(100_000);
        RequestFirmbanking command = new RequestFirmbanking(UUID.randomUUID(), customer.memberId(),
                customer.bankAccountId(), FirmbankingDirection.IN, 25_000, Instant.now());
        leaveAsACrashWould(command, customer, UUID.randomUUID().toString());

        Event answer = Banking.answer(command.commandId(), ANSWER);

        assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingFailed");
        assertThat(answer.data().path("reconciled").asBoolean()).isTrue();
        assertThat(bankKnows(command.commandId())).isFalse();
        assertThat(customer.bankBalance()).isEqualTo(100_000);
        assertAnsweredOnce(command.commandId());
    }

    @Test
    void aRequestUnresolvedPastTheLimitIsFlaggedForReviewAndStillDecided() {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(FirmbankingRecords.class.getName());
        logger.addHandler(capture);
        try {
            Customer customer = customer(100_000);
            BankSimulatorResource.bank().setFaults(FaultSettings.NONE.withOutage(null));
            UUID commandId = request(customer, FirmbankingDirection.IN, 30_000);
            await().atMost(ANSWER).until(() -> "UNREACHABLE".equals(Firmbanking.state(commandId)));

            // Arrived an hour ago: past moa.firmbanking.review-after.
            Banking.execute("update firmbanking_requests set created_at = created_at - interval '1 hour' "
                    + "where command_id = ?", commandId);

            await().atMost(ANSWER).until(() -> "REVIEW".equals(Firmbanking.state(commandId)));
            await().atMost(ANSWER).until(() -> Banking.metric("moa_firmbanking_review") >= 1);
            assertThat(Banking.answers(commandId)).isEmpty();
            BankSimulatorResource.bank().resetFaults();
            Event answer = Banking.answer(commandId, ANSWER);
            assertThat(answer.type()).isEqualTo("dev.moa.banking.FirmbankingSucceeded");
            assertThat(answer.data().path("reconciled").asBoolean()).isTrue();
            assertThat(customer.bankBalance()).isEqualTo(70_000);
            assertAnsweredOnce(commandId);
            await().atMost(ANSWER).until(() -> Banking.metric("moa_firmbanking_review") == 0);
            assertThat(warnings.stream().map(record -> String.valueOf(record.getMessage())
                            + (record.getParameters() == null ? "" : List.of(record.getParameters())))
                    .filter(line -> line.contains("firm-banking REVIEW") && line.contains(commandId.toString())))
                    .as("one WARN line to alert on").hasSize(1);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void reconcilersRunningAtOnceDecideEachRequestOnce() throws Exception {
        Customer customer = customer(1_000_000);
        List<UUID> commands = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID commandId = UUID.randomUUID();
            commands.add(commandId);
            insertRequest(commandId, customer, 1_000, "UNKNOWN", true, "now() + interval '1 hour'");
            BankSimulatorResource.bank().transfer(new BankModel.TransferRequest(commandId.toString(),
                    BankModel.Direction.IN, customer.account().bankCode(), customer.account().accountNumber(), 1_000L));
        }
        Banking.execute("update firmbanking_requests set next_check_at = now() where command_id = any(?)",
                (Object) commands.toArray(UUID[]::new));

        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(instances.submit(() -> reconciliation.reconcile().await().atMost(Duration.ofSeconds(30))));
            }
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            instances.shutdownNow();
        }

        await().atMost(ANSWER).until(() -> commands.stream().allMatch(id -> "SUCCEEDED".equals(Firmbanking.state(id))));
        commands.forEach(Firmbanking::assertAnsweredOnce);
        assertThat(customer.bankBalance()).isEqualTo(1_000_000 - 12 * 1_000);
    }

    /**
     * Requests the bank never got (every send refused at connect), a bank that executes but answers no transfer call,
     * and several reconcilers: one claims more than it can send before its lease lapses, another takes over what is
     * not yet sent. A request counts as sent (and its in-flight window runs) only from its actual send, so none is
     * declared never executed and then executed.
     */
    @Test
    void aClaimedRequestIsNeverDeclaredNeverExecutedBeforeItWasSent() {
        Customer customer = customer(1_000_000);
        List<UUID> commands = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID commandId = UUID.randomUUID();
            commands.add(commandId);
            insertRequest(commandId, customer, 1_000, "UNREACHABLE", false, "now() + interval '1 hour'");
        }
        // A send waits for the client's read timeout (1 s in tests), a lookup is answered at once: 40 sends, 4 at a
        // time, outlast the lease and the in-flight window (3 s in tests), and a reconciler that only asks is faster.
        BankSimulatorResource.bank().setFaults(FaultSettings.NONE.withTimeoutRate(1.0, HOLD_PAST_THE_CLIENT_TIMEOUT));
        Banking.execute("update firmbanking_requests set next_check_at = now() where command_id = any(?)",
                (Object) commands.toArray(UUID[]::new));

        ScheduledExecutorService reconcilers = Executors.newScheduledThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                reconcilers.scheduleWithFixedDelay(
                        () -> reconciliation.reconcile().await().atMost(Duration.ofMinutes(1)), 0, 250,
                        TimeUnit.MILLISECONDS);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> commands.stream()
                    .allMatch(id -> Set.of("SUCCEEDED", "FAILED").contains(Firmbanking.state(id))));
        } finally {
            reconcilers.shutdownNow();
        }

        List<UUID> succeeded = commands.stream().filter(id -> "SUCCEEDED".equals(Firmbanking.state(id))).toList();
        assertThat(commands).allSatisfy(id -> assertThat(bankKnows(id))
                .as("the bank executed %s exactly when banking says it succeeded", id)
                .isEqualTo(succeeded.contains(id)));
        assertThat(customer.bankBalance()).isEqualTo(1_000_000 - succeeded.size() * 1_000L);
        commands.forEach(Firmbanking::assertAnsweredOnce);
    }

    /** The command's inbox record and its request in SENT, last sent 10 s ago (past the lease and the window). */
    private static void leaveAsACrashWould(RequestFirmbanking command, Customer customer, String cloudEventId) {
        Banking.execute("insert into moa_inbox (consumer, event_id) values ('banking.commands', ?)", cloudEventId);
        insertRequest(command.commandId(), customer, command.amount(), "SENT", true, "now()");
    }

    private static void insertRequest(UUID commandId, Customer customer, long amount, String state,
                                      boolean maybeDelivered, String nextCheck) {
        Banking.execute("insert into firmbanking_requests (command_id, member_id, bank_account_id, direction, amount, "
                        + "bank_code, account_number, state, maybe_delivered, sends, checks, requested_at, created_at, "
                        + "last_sent_at, next_check_at) values (?, ?, ?, 'IN', ?, ?, ?, ?, ?, 1, 0, now(), "
                        + "now() - interval '10 seconds', now() - interval '10 seconds', " + nextCheck + ")",
                commandId, customer.memberId(), customer.bankAccountId(), amount, customer.account().bankCode(),
                customer.account().accountNumber(), state, maybeDelivered);
    }
}
