package vn.partracker.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.partracker.support.jdbc.Jdbc;

/** The last applied offset per consumed topic partition: the "event position" every report names. */
@ApplicationScoped
public class EventPositionRepository {

    private final Jdbc jdbc;

    public EventPositionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the event at the offset was applied; call in the transaction that applied it. */
    public void advance(String topic, int partition, long offset) {
        jdbc.update("""
                INSERT INTO event_position (topic, partition_no, last_offset) VALUES (?, ?, ?)
                ON CONFLICT (topic, partition_no) DO UPDATE
                SET last_offset = GREATEST(event_position.last_offset, EXCLUDED.last_offset), applied_at = now()
                """, topic, partition, offset);
    }

    /** Every position as {@code "topic/partition" -> last applied offset}, ordered by topic and partition. */
    public Map<String, Long> positions() {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.query(
                "SELECT topic, partition_no, last_offset FROM event_position ORDER BY topic, partition_no",
                rs -> result.put(rs.getString("topic") + "/" + rs.getInt("partition_no"), rs.getLong("last_offset")));
        return result;
    }

    /** When the newest event was applied, or {@code null} before the first one. */
    public Instant lastAppliedAt() {
        return jdbc.queryOne("SELECT max(applied_at) AS at FROM event_position", rs -> Jdbc.instant(rs, "at"))
                .orElse(null);
    }
}
