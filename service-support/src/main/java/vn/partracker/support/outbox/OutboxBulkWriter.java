package vn.partracker.support.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import vn.partracker.events.EventJson;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.jdbc.CopyText;

/**
 * Writes many events to the outbox with one {@code COPY} inside the caller's transaction: the same rows, envelope
 * and size limit as {@link OutboxWriter#appendAll}, for bulk imports that write tens of thousands of events in one
 * transaction (binding eight parameters per event costs more there than the events themselves). Like
 * {@link OutboxWriter}, it never talks to Kafka; the relay is woken once the transaction commits.
 */
@ApplicationScoped
public class OutboxBulkWriter {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxConfig config;
    private final OutboxSignal signal;

    public OutboxBulkWriter(
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
     * Appends events in order, in the caller's transaction ({@code MANDATORY}: never a separate commit).
     *
     * @throws IllegalStateException when an event's payload is over {@link OutboxWriter#MAX_EVENT_BYTES}, or the
     *     database refuses the rows
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<NewEvent> events) {
        appendPrepared(prepare(events));
    }

    /**
     * Serialises events into outbox rows without touching the database or needing a transaction, so a bulk import
     * can do it on one thread while another writes its previous chunk.
     *
     * @throws IllegalStateException when an event's payload is over {@link OutboxWriter#MAX_EVENT_BYTES}
     */
    public Prepared prepare(List<NewEvent> events) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CopyText rows = new CopyText();
        for (NewEvent event : events) {
            String payload = EventJson.write(event.payload());
            OutboxWriter.requireWithinLimit(event, payload);
            rows.add(TimeOrderedIds.next())
                    .add(event.topic())
                    .add(event.key())
                    .add(event.type())
                    .add(config.source())
                    .add(event.key())
                    .add(now)
                    .add(payload)
                    .endRow();
        }
        return new Prepared(rows, events.size());
    }

    /**
     * Appends prepared events, in their order, in the caller's transaction.
     *
     * @throws IllegalStateException when the database refuses the rows
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendPrepared(Prepared events) {
        if (events.count() == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            events.rows()
                    .copy(
                            connection,
                            "COPY outbox_event (id, topic, msg_key, ce_type, ce_source, ce_subject, ce_time, payload)"
                                    + " FROM STDIN");
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + events.count() + " events to the outbox", e);
        }
        OutboxWriter.wakeRelayAfterCommit(transactions, signal);
    }

    /**
     * Events serialised as outbox rows, ready for {@link #appendPrepared}.
     *
     * @param rows the rows in {@code COPY} text form
     * @param count how many events
     */
    public record Prepared(CopyText rows, int count) {}
}
