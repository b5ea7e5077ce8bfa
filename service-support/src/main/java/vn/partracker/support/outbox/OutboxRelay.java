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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.partracker.events.CloudEventHeaders;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them sent.
 *
 * <p>One relay transaction locks a batch of unsent rows ({@code FOR UPDATE SKIP LOCKED}), publishes them with an
 * idempotent producer, waits for the broker's acknowledgements, then marks the acknowledged prefix sent. A
 * transaction-scoped advisory lock lets only one instance relay at a time, which is what keeps the per-key order
 * when several instances share a database. If the broker is down the rows stay unsent and the relay retries with
 * exponential backoff; if the relay dies after publishing but before marking, the rows are published again
 * (at-least-once) and consumers deduplicate on {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key: "PART" in ASCII, any constant that no other code uses. */
    private static final long RELAY_LOCK = 0x50415254L;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxSignal signal;
    private final Instance<OutboxRelayHook> hooks;
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private Counter published;
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
        Gauge.builder("partracker.outbox.pending", pending, AtomicLong::get)
                .description("Unsent outbox rows seen by the last relay run")
                .register(registry);
        if (!config.enabled()) {
            Log.info("outbox relay disabled on this instance");
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
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
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private void loop() {
        try {
            Thread.sleep(config.initialDelay().toMillis());
            while (running) {
                RelayResult result = relayOnce();
                if (result.failed()) {
                    backoffMillis = backoffMillis == 0
                            ? config.initialBackoff().toMillis()
                            : Math.min(backoffMillis * 2, config.maxBackoff().toMillis());
                    Thread.sleep(backoffMillis);
                } else {
                    backoffMillis = 0;
                    if (result.published() < config.batchSize()) {
                        signal.await(config.pollInterval().toMillis());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One relay transaction: publish up to one batch. Visible for tests that drive the relay by hand.
     *
     * @return how many rows were published and marked sent, and whether publishing failed
     */
    public RelayResult relayOnce() {
        try {
            return QuarkusTransaction.requiringNew()
                    .timeout((int) config.sendTimeout().toSeconds() + 30)
                    .call(this::publishBatch);
        } catch (RuntimeException e) {
            Log.warnf(e, "outbox relay run failed; retrying in a moment");
            return new RelayResult(0, true);
        }
    }

    private RelayResult publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryLock(connection)) {
                return new RelayResult(0, false);
            }
            List<Row> rows = lockBatch(connection);
            pending.set(rows.size());
            if (rows.isEmpty()) {
                return new RelayResult(0, false);
            }
            KafkaProducer<String, String> kafka = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                acks.add(kafka.send(row.toRecord()));
            }
            kafka.flush();
            List<Long> sent = new ArrayList<>(rows.size());
            String failure = null;
            for (int i = 0; i < rows.size(); i++) {
                try {
                    acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(rows.get(i).seq());
                } catch (Exception e) {
                    failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    recordFailure(connection, rows.get(i).seq(), failure);
                    break;
                }
            }
            for (OutboxRelayHook hook : hooks) {
                hook.afterPublish(List.copyOf(sent));
            }
            markSent(connection, sent);
            published.increment(sent.size());
            pending.addAndGet(-sent.size());
            if (failure != null) {
                Log.warnf(
                        "outbox: published %d of %d events, then Kafka failed: %s", sent.size(), rows.size(), failure);
                return new RelayResult(sent.size(), true);
            }
            Log.debugf("outbox: published %d events", sent.size());
            return new RelayResult(sent.size(), false);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Row> lockBatch(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, id, topic, msg_key, ce_type, ce_source, ce_subject, ce_time, payload FROM outbox_event"
                        + " WHERE sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getTimestamp(8).toInstant(),
                            rs.getString(9)));
                }
            }
            return rows;
        }
    }

    private static void markSent(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, last_error = NULL"
                        + " WHERE seq = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
    }

    private static void recordFailure(Connection connection, long seq, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
            update.setString(1, error);
            update.setLong(2, seq);
            update.executeUpdate();
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
     * Outcome of one relay transaction.
     *
     * @param published rows published and marked sent
     * @param failed whether Kafka failed during the run (the relay then backs off)
     */
    public record RelayResult(int published, boolean failed) {}

    private record Row(
            long seq,
            String id,
            String topic,
            String key,
            String type,
            String source,
            String subject,
            Instant time,
            String payload) {

        ProducerRecord<String, String> toRecord() {
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.ID, bytes(id));
            headers.add(CloudEventHeaders.TYPE, bytes(type));
            headers.add(CloudEventHeaders.SOURCE, bytes(source));
            if (subject != null) {
                headers.add(CloudEventHeaders.SUBJECT, bytes(subject));
            }
            headers.add(
                    CloudEventHeaders.TIME, bytes(time.atOffset(ZoneOffset.UTC).toString()));
            headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
            headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
            return new ProducerRecord<>(topic, null, key, payload, headers);
        }

        private static byte[] bytes(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }
}
