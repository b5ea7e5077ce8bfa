package vn.partracker.support.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.support.outbox.RelayDecisions.Verdict;

/**
 * Publishes committed outbox rows to Kafka in per-key commit order and marks them sent; a row that fails for good
 * is parked instead of stopping every later event.
 *
 * <p>One run holds no database transaction or connection while it waits for the broker: a short transaction claims
 * a batch of eligible rows until {@code now() + relay-lease} (claims are serialised by an advisory lock held for that
 * transaction only; other instances skip claimed rows and the later rows of their keys, which keeps the per-key
 * order when instances share a database); the rows are sent with an idempotent,
 * lz4-compressing producer and the run waits for the acknowledgements; a second short transaction marks the
 * acknowledged rows sent and records the failures. If the relay dies between the two, the rows are published again
 * (at-least-once) and consumers deduplicate on {@code ce_id}.
 *
 * <p>A row is eligible when it is unsent, not parked, not waiting out its backoff, and no earlier unsent row of its
 * key is parked or waiting — so a poisoned row holds back only the later rows of its own key while other keys flow.
 * How a failure is classified (parked at once, retried with backoff, or an outage that counts nothing) is
 * {@link RelayDecisions}. Parked rows are listed and released by {@link ParkedEventsResource}.
 *
 * <p>Gauges: {@code partracker_outbox_pending} (unsent, unparked rows — the real count),
 * {@code partracker_outbox_oldest_unsent_age_seconds} (of the oldest of those; parked rows are counted by the next
 * gauge instead, the rows they hold back still age here) and {@code partracker_outbox_parked}.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key that serialises claims: "PART" in ASCII, any constant that no other code uses. */
    private static final long CLAIM_LOCK = 0x50415254L;

    /** How often the gauges are recomputed from the table at most. */
    private static final long STATS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * The gauges' count reads every unsent row (a parallel scan of the table under a backlog: 641 ms a time with
     * 100,000 rows unsent after an import, once a second, more database time than the import itself): it runs again
     * only after this many times its last duration, so it takes at most 1/20 of the time.
     */
    private static final long STATS_DUTY_FACTOR = 20;

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxSignal signal;
    private final Instance<OutboxRelayHook> hooks;
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final ReentrantLock runLock = new ReentrantLock();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong(-1);
    private final AtomicLong statsAtNanos = new AtomicLong();
    private final AtomicLong statsTookNanos = new AtomicLong();

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private Admin admin;
    private Counter published;
    private Counter parkedTotal;
    private Counter producersDiscarded;
    private long backoffMillis;

    public OutboxRelay(
            AgroalDataSource dataSource,
            OutboxConfig config,
            OutboxSignal signal,
            Instance<OutboxRelayHook> hooks,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.signal = signal;
        this.hooks = hooks;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        published = Counter.builder("partracker.outbox.published")
                .description("Events the relay published to Kafka")
                .register(registry);
        parkedTotal = Counter.builder("partracker.outbox.parked.events")
                .description("Rows the relay parked because they failed for good")
                .register(registry);
        producersDiscarded = Counter.builder("partracker.outbox.producer.resets")
                .description("Kafka producers the relay replaced after a run in which nothing was acknowledged")
                .register(registry);
        Gauge.builder("partracker.outbox.pending", pending, AtomicLong::get)
                .description("Unsent, unparked outbox rows (all of them, not one batch)")
                .register(registry);
        Gauge.builder("partracker.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked after failing for good; each holds back the later rows of its key")
                .register(registry);
        Gauge.builder("partracker.outbox.oldest.unsent.age", this, OutboxRelay::oldestUnsentAgeSeconds)
                .description("Age of the oldest unsent, unparked outbox row; 0 when none")
                .baseUnit("seconds")
                .register(registry);
        running = true;
        worker = new Thread(config.enabled() ? this::loop : this::statsLoop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        if (!config.enabled()) {
            Log.info("outbox relay disabled on this instance; it only keeps the outbox gauges current");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /**
     * The relay thread's loop. It outlives every failure of a run, including an {@link Error} such as an
     * {@link OutOfMemoryError} thrown while the JVM was short of heap for a moment: a relay thread that died would
     * leave every later event unsent with no sign of it but a growing pending gauge.
     */
    private void loop() {
        try {
            Thread.sleep(config.initialDelay().toMillis());
            long pollWait = config.pollInterval().toMillis();
            while (running) {
                RelayResult result;
                long runMillis = 0;
                try {
                    long began = System.nanoTime();
                    result = relayOnce();
                    runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                    refreshStats(false);
                } catch (RuntimeException | Error e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    Log.errorf(e, "outbox relay run failed unexpectedly; the relay goes on after a back-off");
                    discardProducer();
                    result = new RelayResult(0, true);
                }
                if (result.failed()) {
                    backoffMillis = backoffMillis == 0
                            ? config.initialBackoff().toMillis()
                            : Math.min(backoffMillis * 2, config.maxBackoff().toMillis());
                    Thread.sleep(backoffMillis);
                } else {
                    backoffMillis = 0;
                    if (result.published() < config.batchSize()) {
                        pollWait = RelayDecisions.pollWaitMillis(
                                pollWait,
                                result.published(),
                                runMillis,
                                config.pollInterval().toMillis());
                        boolean signalled = signal.await(pollWait);
                        if (signalled
                                && result.published() > 0
                                && !config.linger().isZero()) {
                            Thread.sleep(config.linger().toMillis());
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void statsLoop() {
        try {
            while (running) {
                refreshStats(false);
                Thread.sleep(Math.max(1000, config.pollInterval().toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One relay run: publish up to one batch of eligible rows. Visible for tests that drive the relay by hand.
     *
     * @return how many rows were published and marked sent, and whether the broker was unreachable (the relay then
     *     backs off as a whole)
     */
    public RelayResult relayOnce() {
        runLock.lock();
        List<Row> rows = List.of();
        boolean recorded = false;
        try {
            rows = QuarkusTransaction.requiringNew().timeout(30).call(this::claim);
            if (rows.isEmpty()) {
                return new RelayResult(0, false);
            }
            List<Attempt> attempts = publish(rows);
            List<Long> sent = attempts.stream()
                    .filter(a -> a.error() == null)
                    .map(a -> a.row().seq())
                    .toList();
            for (OutboxRelayHook hook : hooks) {
                hook.afterPublish(sent);
            }
            boolean acknowledged = !sent.isEmpty();
            boolean probe = !acknowledged && sent.size() < attempts.size() && brokerAnswers();
            if (!acknowledged && !attempts.isEmpty()) {
                // nothing of the run was acknowledged: the next run starts with a new producer, so a producer left
                // in a fatal state (closed, a fatal idempotence error) can never stop the relay for good
                discardProducer();
            }
            List<Row> claimed = rows;
            int[] counts = QuarkusTransaction.requiringNew()
                    .timeout(30)
                    .call(() -> record(claimed, attempts, acknowledged, probe));
            recorded = true;
            published.increment(sent.size());
            if (counts[1] > 0) {
                parkedTotal.increment(counts[1]);
            }
            boolean outage = counts[2] > 0;
            if (outage || sent.size() < rows.size()) {
                Log.warnf(
                        "outbox: published %d of %d events (%d retried later, %d parked, %d waiting for the broker)",
                        sent.size(), rows.size(), counts[0], counts[1], counts[2]);
            } else {
                Log.debugf("outbox: published %d events", sent.size());
            }
            return new RelayResult(sent.size(), outage);
        } catch (RuntimeException e) {
            Log.warnf(e, "outbox relay run failed; retrying in a moment");
            if (!rows.isEmpty()) {
                discardProducer();
            }
            return new RelayResult(0, true);
        } finally {
            if (!recorded && !rows.isEmpty()) {
                unclaim(rows);
            }
            runLock.unlock();
        }
    }

    /**
     * Claims the eligible rows until {@code now() + relay-lease} and returns them. Claims are serialised by a
     * transaction-scoped advisory lock (held for this short transaction only), so two instances never claim rows of
     * one key out of order; a claimed row and the later rows of its key are skipped by other instances.
     */
    private List<Row> claim() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, CLAIM_LOCK);
                lock.execute();
            }
            List<Row> rows = new ArrayList<>();
            // one statement picks the eligible rows and claims them (the advisory lock above keeps two claims from
            // interleaving); RETURNING has no order, so the rows are put back in seq order below.
            // A row is held back by an earlier unsent row of its key that is parked, backing off or claimed: those
            // are read once (the first such seq per key, from the small partial index outbox_event_blocking_key,
            // whose predicate the first condition repeats) instead of a NOT EXISTS per candidate, which the planner
            // ran as a scan of every unsent row per candidate: 165 ms per claim of 500 under a backlog of 248,000
            // rows, 47 ms this way (EXPLAIN ANALYZE on one state of the table).
            try (PreparedStatement claim = connection.prepareStatement(
                    "WITH blocked AS MATERIALIZED (SELECT msg_key, min(seq) AS first_seq FROM outbox_event"
                            + " WHERE sent_at IS NULL"
                            + " AND (parked_at IS NOT NULL OR next_attempt_at IS NOT NULL OR claimed_until IS NOT NULL)"
                            + " AND (parked_at IS NOT NULL OR next_attempt_at > now() OR claimed_until > now())"
                            + " GROUP BY msg_key)"
                            + " UPDATE outbox_event SET claimed_until = now() + make_interval(secs => ?)"
                            + " WHERE seq IN (SELECT o.seq FROM outbox_event o"
                            + " LEFT JOIN blocked b ON b.msg_key = o.msg_key AND b.first_seq < o.seq"
                            + " WHERE o.sent_at IS NULL AND o.parked_at IS NULL"
                            + " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= now())"
                            + " AND (o.claimed_until IS NULL OR o.claimed_until < now())"
                            + " AND b.msg_key IS NULL"
                            + " ORDER BY o.seq LIMIT ?)"
                            + " RETURNING seq, id, topic, msg_key, ce_type, ce_source, ce_subject, ce_time, payload,"
                            + " attempts")) {
                claim.setDouble(1, config.relayLease().toMillis() / 1000.0);
                claim.setInt(2, config.batchSize());
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getTimestamp(8) == null
                                        ? null
                                        : rs.getTimestamp(8).toInstant(),
                                rs.getString(9),
                                rs.getInt(10)));
                    }
                }
            }
            rows.sort(Comparator.comparingLong(Row::seq));
            return rows;
        }
    }

    /** Gives claimed rows back after a run that died before recording them (best effort; claims also expire). */
    private void unclaim(List<Row> rows) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement update = connection.prepareStatement(
                                "UPDATE outbox_event SET claimed_until = NULL WHERE seq = ANY (?)")) {
                    update.setArray(
                            1,
                            connection.createArrayOf(
                                    "bigint", rows.stream().map(Row::seq).toArray()));
                    update.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("could not release claimed outbox rows", e);
                }
            });
        } catch (RuntimeException e) {
            Log.debugf(e, "outbox: could not release claimed rows; their claim expires by itself");
        }
    }

    /** Sends the rows (no transaction open) and waits for every acknowledgement; rows the gate held back are left out. */
    private List<Attempt> publish(List<Row> rows) {
        KafkaProducer<String, String> kafka = producer();
        RelayDecisions.Gate gate = new RelayDecisions.Gate();
        List<Row> tried = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (!gate.admits(row.topic(), row.key())) {
                continue;
            }
            Future<RecordMetadata> ack;
            try {
                ack = kafka.send(row.toRecord());
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            Throwable early = failureIfDone(ack);
            if (early != null) {
                gate.failed(row.topic(), row.key(), early);
            }
            tried.add(row);
            acks.add(ack);
        }
        kafka.flush();
        List<Attempt> attempts = new ArrayList<>(tried.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < tried.size(); i++) {
            Throwable error = null;
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                acks.get(i).get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = e;
            } catch (Exception e) {
                error = e;
            }
            attempts.add(new Attempt(tried.get(i), error));
        }
        return attempts;
    }

    private static Throwable failureIfDone(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception e) {
            return e;
        }
    }

    /** Whether the broker answers at all: tells a refused row from an unreachable broker. */
    private boolean brokerAnswers() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .nodes()
                    .get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Marks sent rows and records failures in one short transaction.
     *
     * @return rows retried later, parked, and left waiting for the broker
     */
    private int[] record(List<Row> claimed, List<Attempt> attempts, boolean acknowledged, boolean probeAnswered)
            throws SQLException {
        int retried = 0;
        int parkedNow = 0;
        int waiting = 0;
        List<Long> sent = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement retry = connection.prepareStatement(
                        "UPDATE outbox_event SET attempts = attempts + 1, last_error = ?, claimed_until = NULL,"
                                + " next_attempt_at = now() + make_interval(secs => ?) WHERE seq = ? AND sent_at IS NULL");
                PreparedStatement park = connection.prepareStatement(
                        "UPDATE outbox_event SET attempts = attempts + 1, last_error = ?, parked_at = now(),"
                                + " next_attempt_at = NULL, claimed_until = NULL WHERE seq = ? AND sent_at IS NULL");
                PreparedStatement outage = connection.prepareStatement(
                        "UPDATE outbox_event SET last_error = ?, claimed_until = NULL WHERE seq = ?")) {
            for (Attempt attempt : attempts) {
                Row row = attempt.row();
                boolean counts = attempt.error() != null
                        && RelayDecisions.countsAgainstRow(attempt.error(), acknowledged, probeAnswered);
                Verdict verdict = RelayDecisions.decide(attempt.error(), counts, row.attempts(), config.maxAttempts());
                switch (verdict) {
                    case SENT -> sent.add(row.seq());
                    case RETRY -> {
                        Duration wait = RelayDecisions.backoff(
                                row.attempts() + 1, config.retryBackoff(), config.retryMaxBackoff());
                        retry.setString(1, RelayDecisions.reason(attempt.error()));
                        retry.setDouble(2, wait.toMillis() / 1000.0);
                        retry.setLong(3, row.seq());
                        retry.addBatch();
                        retried++;
                    }
                    case PARK -> {
                        String reason = RelayDecisions.reason(attempt.error());
                        park.setString(1, reason);
                        park.setLong(2, row.seq());
                        park.addBatch();
                        parkedNow++;
                        Log.warnf(
                                "outbox: parked event seq=%d type=%s key=%s topic=%s after %d attempts: %s;"
                                        + " later events of this key wait (GET /api/admin/outbox/parked)",
                                row.seq(), row.type(), row.key(), row.topic(), row.attempts() + 1, reason);
                    }
                    case OUTAGE -> {
                        outage.setString(1, RelayDecisions.reason(attempt.error()));
                        outage.setLong(2, row.seq());
                        outage.addBatch();
                        waiting++;
                    }
                }
            }
            // rows the gate held back in this run were claimed but not tried: free them for the next run (a tried
            // row's own update below frees it; updating every claimed row here wrote each row once more)
            Set<Long> tried = new HashSet<>();
            for (Attempt attempt : attempts) {
                tried.add(attempt.row().seq());
            }
            Object[] untried = claimed.stream()
                    .map(Row::seq)
                    .filter(seq -> !tried.contains(seq))
                    .toArray();
            if (untried.length > 0) {
                try (PreparedStatement release =
                        connection.prepareStatement("UPDATE outbox_event SET claimed_until = NULL WHERE seq = ANY (?)"
                                + " AND claimed_until IS NOT NULL")) {
                    release.setArray(1, connection.createArrayOf("bigint", untried));
                    release.executeUpdate();
                }
            }
            retry.executeBatch();
            park.executeBatch();
            outage.executeBatch();
            if (!sent.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, last_error = NULL,"
                                + " next_attempt_at = NULL, claimed_until = NULL WHERE seq = ANY (?) AND sent_at IS NULL")) {
                    update.setArray(1, connection.createArrayOf("bigint", sent.toArray()));
                    update.executeUpdate();
                }
            }
        }
        return new int[] {retried, parkedNow, waiting};
    }

    /** Recomputes the gauges from the table (at most once a second unless {@code force}). */
    void refreshStats(boolean force) {
        long now = System.nanoTime();
        long last = statsAtNanos.get();
        if (!force && last != 0 && now - last < Math.max(STATS_EVERY_NANOS, STATS_DUTY_FACTOR * statsTookNanos.get())) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FILTER (WHERE parked_at IS NULL), count(*) FILTER (WHERE parked_at IS NOT NULL),"
                                + " (extract(epoch FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL))"
                                + " * 1000)::bigint FROM outbox_event WHERE sent_at IS NULL");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            pending.set(rs.getLong(1));
            parked.set(rs.getLong(2));
            long age = rs.getLong(3);
            oldestAgeMillis.set(rs.wasNull() ? -1 : Math.max(0, age));
            long done = System.nanoTime();
            statsTookNanos.set(done - now);
            statsAtNanos.set(done);
        } catch (SQLException | RuntimeException e) {
            Log.debugf(e, "outbox: could not refresh the outbox gauges");
        }
    }

    private double oldestUnsentAgeSeconds() {
        long age = oldestAgeMillis.get();
        if (age < 0) {
            return 0;
        }
        long since = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - statsAtNanos.get());
        return (age + since) / 1000.0;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(PROBE_TIMEOUT.toMillis()));
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(PROBE_TIMEOUT.toMillis()));
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
            props.put(
                    AdminClientConfig.CLIENT_ID_CONFIG,
                    "outbox-probe" + config.source().replace('/', '-'));
            admin = Admin.create(props);
        }
        return admin;
    }

    /**
     * Closes the producer without waiting (unsent records of the failed run are abandoned: their rows are still
     * unsent in the table and go out again) so that the next run creates a new one.
     */
    private synchronized void discardProducer() {
        if (producer == null) {
            return;
        }
        KafkaProducer<String, String> old = producer;
        producer = null;
        producersDiscarded.increment();
        try {
            old.close(Duration.ZERO);
        } catch (RuntimeException e) {
            Log.debugf(e, "outbox: the discarded producer did not close cleanly");
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
            props.put(
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    String.valueOf(config.sendTimeout().toMillis()));
            props.put(
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    String.valueOf(config.sendTimeout().toMillis()));
            props.put(
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    String.valueOf(config.sendTimeout().toMillis() + 2));
            props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
            props.put(
                    ProducerConfig.CLIENT_ID_CONFIG,
                    "outbox-relay" + config.source().replace('/', '-'));
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    /**
     * Outcome of one relay run.
     *
     * @param published rows published and marked sent
     * @param failed whether the run failed as a whole (broker unreachable, database error); the relay then backs off
     */
    public record RelayResult(int published, boolean failed) {}

    private record Attempt(Row row, Throwable error) {}

    private record Row(
            long seq,
            String id,
            String topic,
            String key,
            String type,
            String source,
            String subject,
            Instant time,
            String payload,
            int attempts) {

        ProducerRecord<String, String> toRecord() {
            try {
                RecordHeaders headers = new RecordHeaders();
                headers.add(CloudEventHeaders.ID, bytes(id));
                headers.add(CloudEventHeaders.TYPE, bytes(type));
                headers.add(CloudEventHeaders.SOURCE, bytes(source));
                if (subject != null) {
                    headers.add(CloudEventHeaders.SUBJECT, bytes(subject));
                }
                headers.add(
                        CloudEventHeaders.TIME,
                        bytes(time.atOffset(ZoneOffset.UTC).toString()));
                headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
                headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
                return new ProducerRecord<>(topic, null, key, payload, headers);
            } catch (RuntimeException e) {
                throw new RelayDecisions.MalformedRowException("outbox row " + seq + " is not a valid event", e);
            }
        }

        private static byte[] bytes(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }
}
