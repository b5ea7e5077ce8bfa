package vn.partracker.support.consumer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The record of events a consumer has applied. Claiming an event id happens in the same transaction as the
 * event's effect, so a redelivered event (Kafka is at-least-once) finds its id and changes nothing, and an effect
 * that rolled back leaves no id behind.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final AgroalDataSource dataSource;

    public ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims {@code eventId} for {@code consumer}.
     *
     * @return {@code true} the first time, {@code false} when this consumer already applied the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, UUID eventId, String eventType) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO processed_event (consumer, event_id, event_type) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            insert.setString(3, eventType);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + eventId + " for " + consumer, e);
        }
    }

    /**
     * Forgets up to {@code limit} events processed before {@code cutoff}, oldest first, in one short statement
     * (housekeeping calls it in a loop). A forgotten id no longer stops a redelivery, so the cutoff must lie further
     * back than any redelivery can come from (see {@code Housekeeping}).
     *
     * @return rows deleted
     */
    @Transactional
    public int purgeOlderThan(java.time.Instant cutoff, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM processed_event WHERE (consumer, event_id) IN (SELECT consumer, event_id"
                                + " FROM processed_event WHERE processed_at < ? ORDER BY processed_at LIMIT ?"
                                + " FOR UPDATE SKIP LOCKED)")) {
            delete.setTimestamp(1, java.sql.Timestamp.from(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge processed events before " + cutoff, e);
        }
    }
}
