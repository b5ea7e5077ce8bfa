package vn.partracker.indicators.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.partracker.events.EventJson;
import vn.partracker.support.outbox.OutboxConfig;
import vn.partracker.support.outbox.OutboxSignal;

/**
 * Appends many events to the shared outbox table with one JDBC batch, for bulk imports of up to 100,000 figures.
 * It writes exactly the rows {@code OutboxWriter.append} writes (same table, same columns, same relay) and likewise
 * only inside the caller's transaction; it exists because {@code OutboxWriter} inserts one row per statement, which
 * would make a 100,000-row import spend most of its time on round trips.
 */
@ApplicationScoped
public class OutboxBatchRepository {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxConfig config;
    private final OutboxSignal signal;

    public OutboxBatchRepository(
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
     * One event to append.
     *
     * @param topic Kafka topic
     * @param key aggregate id
     * @param type CloudEvents type
     * @param payload payload record
     */
    public record Event(String topic, String key, String type, Object payload) {}

    /** Appends the events in order, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, msg_key, ce_type, ce_source, ce_subject, ce_time, payload)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Event event : events) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, event.topic());
                insert.setString(3, event.key());
                insert.setString(4, event.type());
                insert.setString(5, config.source());
                insert.setString(6, event.key());
                insert.setTimestamp(7, now);
                insert.setString(8, EventJson.write(event.payload()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + events.size() + " events to the outbox", e);
        }
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
