package vn.partracker.support.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.partracker.events.EventEnvelope;
import vn.partracker.events.EventJson;
import vn.partracker.support.id.TimeOrderedIds;

/**
 * Writes events to the outbox table inside the caller's transaction, so an event exists exactly when the change
 * it describes was committed. It never talks to Kafka; {@link OutboxRelay} publishes after commit.
 */
@ApplicationScoped
public class OutboxWriter {

    /**
     * Largest payload accepted (UTF-8 bytes): far under the producer's 1 MB request limit, so one event never jams
     * the relay; bigger aggregates are published as several events (e.g. a plan's assignments per task).
     */
    public static final int MAX_EVENT_BYTES = 256 * 1024;

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxConfig config;
    private final OutboxSignal signal;

    public OutboxWriter(
            AgroalDataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            OutboxConfig config,
            OutboxSignal signal) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.config = config;
        this.signal = signal;
    }

    /**
     * Appends one event. Must run inside the transaction that makes the change: {@code MANDATORY} turns a call
     * outside one into an error instead of a silently separate commit.
     *
     * @param topic Kafka topic
     * @param key aggregate id, the Kafka key
     * @param type CloudEvents type
     * @param payload payload record, serialized with {@link EventJson}
     * @return the envelope as stored (its id is the {@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String key, String type, Object payload) {
        return appendAll(List.of(new NewEvent(topic, key, type, payload))).get(0);
    }

    /**
     * Appends events in order with one JDBC batch, in the caller's transaction; bulk imports of up to 100,000
     * figures use it so they do not spend their time on one round trip per event.
     *
     * @return the envelopes as stored, in the same order
     * @throws IllegalStateException when an event's payload is over {@link #MAX_EVENT_BYTES}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, msg_key, ce_type, ce_source, ce_subject, ce_time, payload)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewEvent event : events) {
                EventEnvelope envelope = envelope(event, now);
                insert.setObject(1, envelope.id());
                insert.setString(2, envelope.topic());
                insert.setString(3, envelope.key());
                insert.setString(4, envelope.type());
                insert.setString(5, envelope.source());
                insert.setString(6, envelope.subject());
                insert.setTimestamp(7, Timestamp.from(now.toInstant()));
                insert.setString(8, envelope.payload());
                insert.addBatch();
                envelopes.add(envelope);
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + events.size() + " events to the outbox", e);
        }
        wakeRelayAfterCommit(transactions, signal);
        return envelopes;
    }

    /**
     * The columns of an outbox row, in the order of {@link #values}: for a caller that writes its event in the
     * statement that makes the change ({@link #prepare}).
     */
    public static final String COLUMNS = "id, topic, msg_key, ce_type, ce_source, ce_subject, ce_time, payload";

    /** The SQL types of {@link #COLUMNS}, as casts for the placeholders of an {@code INSERT … SELECT}. */
    public static final String PLACEHOLDERS = "?::uuid, ?, ?, ?, ?, ?, ?::timestamptz, ?";

    /**
     * An event the caller writes itself, in the statement that makes the change (one round trip where {@link #append}
     * takes a second): the envelope as {@link #append} would store it, checked the same way, and the relay woken
     * after the commit. The caller must insert {@link #values} into {@code outbox_event} ({@link #COLUMNS}) in the
     * current transaction, exactly when the change is written.
     *
     * @throws IllegalStateException when the payload is over {@link #MAX_EVENT_BYTES}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope prepare(String topic, String key, String type, Object payload) {
        EventEnvelope envelope = envelope(new NewEvent(topic, key, type, payload), OffsetDateTime.now(ZoneOffset.UTC));
        wakeRelayAfterCommit(transactions, signal);
        return envelope;
    }

    /** The envelope of an event as stored: a new {@code ce_id}, the payload as JSON, within the size limit. */
    private EventEnvelope envelope(NewEvent event, OffsetDateTime now) {
        EventEnvelope envelope = new EventEnvelope(
                TimeOrderedIds.next(),
                event.type(),
                config.source(),
                event.key(),
                now,
                event.topic(),
                event.key(),
                EventJson.write(event.payload()));
        requireWithinLimit(event, envelope.payload());
        return envelope;
    }

    /** The values of {@link #COLUMNS} for an envelope of {@link #prepare}. */
    public static Object[] values(EventEnvelope envelope) {
        return new Object[] {
            envelope.id(),
            envelope.topic(),
            envelope.key(),
            envelope.type(),
            envelope.source(),
            envelope.subject(),
            envelope.time(),
            envelope.payload()
        };
    }

    /**
     * Refuses an event whose payload is over {@link #MAX_EVENT_BYTES} in UTF-8 (counted only when its length could
     * exceed the limit: a UTF-16 char is at most 3 UTF-8 bytes).
     */
    static void requireWithinLimit(NewEvent event, String payload) {
        if (payload.length() * 3L <= MAX_EVENT_BYTES) {
            return;
        }
        int size = payload.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_EVENT_BYTES) {
            throw new IllegalStateException("event " + event.type() + " for " + event.key() + " is " + size
                    + " bytes, over the outbox limit of " + MAX_EVENT_BYTES + " bytes: split it");
        }
    }

    /** Wakes the relay once the caller's transaction has committed the events (nothing on a rollback). */
    static void wakeRelayAfterCommit(TransactionSynchronizationRegistry transactions, OutboxSignal signal) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal.newEvents();
                }
            }
        });
    }
}
