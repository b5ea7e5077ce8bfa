package vn.partracker.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import vn.partracker.support.jdbc.Jdbc;

/** SQL on {@code outbox_event} for operators and housekeeping (the relay and the writer keep their own). */
@ApplicationScoped
public class OutboxRepository {

    private static final String COLUMNS = "seq, id, topic, msg_key, ce_type, attempts, last_error, parked_at";

    private final Jdbc jdbc;

    public OutboxRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Parked rows in commit order, at most {@code limit}. */
    public List<ParkedEvent> parked(int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM outbox_event WHERE parked_at IS NOT NULL AND sent_at IS NULL"
                        + " ORDER BY seq LIMIT ?",
                OutboxRepository::map,
                limit);
    }

    /** One row by its sequence number, parked or not. */
    public Optional<ParkedEvent> find(long seq) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_event WHERE seq = ?", OutboxRepository::map, seq).stream()
                .findFirst();
    }

    /**
     * Releases a parked row for another {@code max-attempts} tries; in the caller's transaction.
     *
     * @return whether a parked, unsent row was released
     */
    public boolean unpark(long seq) {
        return jdbc.update(
                        "UPDATE outbox_event SET parked_at = NULL, next_attempt_at = NULL, attempts = 0"
                                + " WHERE seq = ? AND parked_at IS NOT NULL AND sent_at IS NULL",
                        seq)
                == 1;
    }

    /**
     * Deletes up to {@code limit} rows sent before {@code cutoff} (oldest first); unsent and parked rows are never
     * deleted. In the caller's transaction: one short statement.
     *
     * @return rows deleted
     */
    public int purgeSent(Instant cutoff, int limit) {
        return jdbc.update(
                "DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event"
                        + " WHERE sent_at IS NOT NULL AND sent_at < ? ORDER BY sent_at LIMIT ? FOR UPDATE SKIP LOCKED)",
                cutoff,
                limit);
    }

    private static ParkedEvent map(ResultSet rs) throws SQLException {
        return new ParkedEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getObject(8, OffsetDateTime.class));
    }
}
