package dev.moa.chassis.outbox;

import io.quarkus.logging.Log;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Publishes outbox rows to Kafka as binary-mode CloudEvents ({@code ce_id}, {@code ce_type}, {@code ce_source},
 * {@code ce_subject}; record key = subject), in order, then marks them published.
 *
 * <p>Runs on a thread of its own, never on an event loop: a send may wait for Kafka. Each batch is one PostgreSQL
 * transaction. Several relays (instances of a service) take turns rather than share a batch: a batch starts by taking
 * the database's outbox turn, a transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}); a relay that
 * does not get it publishes nothing and looks again later, and the relay holding it publishes every instance's rows.
 * So rows go out in {@code seq} order (as they become visible), no row is published by two relays at once, and the
 * claim needs neither row locks ({@code FOR UPDATE SKIP LOCKED} wrote a WAL record per row) nor a check for an earlier
 * row of the same subject held by another relay. The turn is taken in a statement of its own, before the claim, so
 * the claim's snapshot sees what the previous holder marked published. A claim starts a window below what the relay
 * last published ({@link #CLAIM_WINDOW}), with a sweep from the beginning every {@link #SWEEP_EVERY}.
 * A failure rolls the batch back and gives up the turn; the rows are published again on the next attempt (at least
 * once: consumers deduplicate on {@code ce_id}), after a back-off that grows while a server is down.
 *
 * <p>Order survives a broker outage because a send is given {@code moa.outbox.send-timeout} (minutes) to be
 * acknowledged: the idempotent producer retries its batches in order meanwhile. Only an outage longer than that can
 * let a later record of a key land before an expired earlier one; after any failure the producer is discarded and a
 * fresh one republishes the whole batch, so nothing is lost even then.
 *
 * <p>Writers of the same instance wake it when they append ({@link #wake}); rows written by other instances, or by one
 * without a relay, are found by its poll ({@code moa.outbox.poll-interval}) or published by the relay holding the turn.
 * There is deliberately no PostgreSQL {@code NOTIFY}: a transaction that notifies takes a lock for the whole database
 * cluster at commit, so one notify per outbox write serialized every writing transaction.
 */
public final class OutboxRelay implements AutoCloseable {

    /**
     * The outbox turn's advisory lock key (advisory locks are per database, and each service has its own database).
     * Chosen apart from the keys other code of a service takes.
     */
    public static final long TURN_KEY = 0x6d6f615f6f757462L; // "moa_outb"
    static final String TAKE_TURN = "select pg_try_advisory_xact_lock($1) as mine";
    /**
     * The oldest rows still to publish above a floor ({@code $1}, a seq). The batch size is written into the statement
     * rather than bound, so that PostgreSQL's generic plan for a cached prepared statement knows the limit and keeps to
     * the pending-rows index.
     */
    static final String CLAIM = """
            select seq, event_id, topic, event_type, subject, payload::text as payload, occurred_at
            from moa_outbox
            where published_at is null and seq > $1
            order by seq
            limit %d""";
    /**
     * How far below the highest seq it published the relay's next claim starts. The pending-rows index keeps an entry
     * for every row published since the table was last vacuumed, and a claim from the start walked all of them: at a
     * couple of thousand events a second, tens of thousands of entries and most of the relay's cost. A row below the
     * floor is still pending only if its transaction stayed open while this many later rows were written (seconds at
     * that rate); the sweep publishes it.
     */
    public static final long CLAIM_WINDOW = 10_000;
    /** How often a claim starts from the beginning of the outbox instead (the sweep); the first claim always does. */
    static final Duration SWEEP_EVERY = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /**
     * How long after a wake-up the relay keeps looking at short intervals: a writer wakes the relay when it appends,
     * before its transaction commits, so the row may become visible a few milliseconds later.
     */
    static final Duration WAKE_LINGER = Duration.ofSeconds(2);
    private static final long FIRST_RETRY_MILLIS = 1;
    private static final long LONGEST_RETRY_MILLIS = 50;
    static final String MARK_PUBLISHED = "update moa_outbox set published_at = now() where seq = any($1)";

    private final Pool pool;
    private final Supplier<Producer<String, byte[]>> producers;
    private final OutboxConfig config;
    private final String source;
    private final String claim;
    private final Semaphore wakeups = new Semaphore(0);
    /** When a writer of this instance last asked for a look ({@link #wake}), in {@link System#nanoTime} units. */
    private volatile long lastWake = System.nanoTime() - WAKE_LINGER.toNanos();
    /** Where the next claim starts (a seq; see {@link #CLAIM_WINDOW}); only the relay's thread uses it. */
    private long floor = Long.MIN_VALUE;
    /** When the last sweep ran, in {@link System#nanoTime} units; only the relay's thread uses it. */
    private long lastSweep = System.nanoTime() - SWEEP_EVERY.toNanos();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private Producer<String, byte[]> producer;

    public OutboxRelay(Pool pool, Supplier<Producer<String, byte[]>> producers, OutboxConfig config, String source) {
        this.pool = pool;
        this.producers = producers;
        this.config = config;
        this.source = source;
        this.claim = CLAIM.formatted(config.batchSize());
    }

    /** Starts the relay's thread. */
    public synchronized void start(String name) {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Asks the relay to look for rows now: a writer of this instance appended an event. It keeps looking for a moment
     * ({@link #WAKE_LINGER}), since the writer's transaction commits after the append.
     */
    public void wake() {
        lastWake = System.nanoTime();
        wakeups.release();
    }

    public long publishedCount() {
        return published.get();
    }

    public long failureCount() {
        return failures.get();
    }

    /** Stops after the batch in flight, or interrupts it (rolled back) if it waits for Kafka longer than a moment. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            this.running = false;
            running = thread;
            thread = null;
        }
        wake();
        if (running != null) {
            try {
                running.join(SHUTDOWN_GRACE.toMillis());
                if (running.isAlive()) {
                    running.interrupt();
                    running.join(SHUTDOWN_GRACE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = config.backoffInitial();
        try {
            relayUntilClosed(backoff);
        } finally {
            discardProducer();
        }
    }

    private void relayUntilClosed(Duration backoff) {
        long retry = FIRST_RETRY_MILLIS;
        while (running) {
            try {
                int count = publishBatch();
                backoff = config.backoffInitial();
                if (count > 0) {
                    retry = FIRST_RETRY_MILLIS;
                } else if (System.nanoTime() - lastWake < WAKE_LINGER.toNanos()) {
                    // A writer woke us and has perhaps not committed yet: look again soon, less often as time passes.
                    boolean woken = wakeups.tryAcquire(retry, TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                    retry = woken ? FIRST_RETRY_MILLIS : Math.min(retry * 2, LONGEST_RETRY_MILLIS);
                } else {
                    wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                    retry = FIRST_RETRY_MILLIS;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.incrementAndGet();
                discardProducer();
                Log.warnf("outbox relay: batch failed, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), config.backoffMax());
            }
        }
    }

    /** Claims, publishes and marks one batch in one transaction; returns how many rows were published. */
    int publishBatch() {
        Duration timeout = config.sendTimeout().plusSeconds(10);
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        try {
            var transaction = connection.begin().await().atMost(timeout);
            try {
                boolean mine = connection.preparedQuery(TAKE_TURN).execute(Tuple.of(TURN_KEY)).await()
                        .atMost(timeout).iterator().next().getBoolean("mine");
                List<Row> rows = new ArrayList<>();
                if (mine) {
                    boolean sweep = System.nanoTime() - lastSweep >= SWEEP_EVERY.toNanos();
                    long from = sweep ? Long.MIN_VALUE : floor;
                    connection.preparedQuery(claim).execute(Tuple.of(from)).await().atMost(timeout).forEach(rows::add);
                    if (sweep) {
                        lastSweep = System.nanoTime();
                    }
                }
                if (rows.isEmpty()) {
                    transaction.commit().await().atMost(timeout);
                    return 0;
                }
                sendAll(rows);
                Long[] seqs = rows.stream().map(row -> row.getLong("seq")).toArray(Long[]::new);
                connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(seqs)).await().atMost(timeout);
                transaction.commit().await().atMost(timeout);
                published.addAndGet(rows.size());
                floor = Math.max(floor, seqs[seqs.length - 1] - CLAIM_WINDOW);
                return rows.size();
            } catch (RuntimeException e) {
                transaction.rollback().onFailure().recoverWithNull().await().atMost(timeout);
                throw e;
            }
        } finally {
            connection.close().onFailure().recoverWithNull().await().atMost(timeout);
        }
    }

    /** Sends in claim order and waits for every acknowledgement; the idempotent producer keeps the order. */
    private void sendAll(List<Row> rows) {
        if (producer == null) {
            producer = producers.get();
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(producer.send(toRecord(row)));
        }
        producer.flush();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge an outbox event: " + e.getMessage(), e);
            }
        }
    }

    private ProducerRecord<String, byte[]> toRecord(Row row) {
        String subject = row.getString("subject");
        OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.getUUID("event_id").toString());
        header(headers, "ce_type", row.getString("event_type"));
        header(headers, "ce_source", source);
        header(headers, "ce_subject", subject);
        header(headers, "ce_time", occurredAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(row.getString("topic"), null, subject,
                row.getString("payload").getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Drops the producer and whatever it still holds; the next batch starts a fresh one (a new epoch). */
    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                Log.debugf("outbox producer did not close cleanly: %s", e.getMessage());
            }
            producer = null;
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
