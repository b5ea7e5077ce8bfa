package vn.partracker.indicators.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.indicators.domain.Measurement;
import vn.partracker.indicators.domain.lifecycle.MeasurementStatus;
import vn.partracker.support.jdbc.Jdbc;

/**
 * Reads and writes figures of a bulk import with JDBC batches: one query finds the existing figures of a chunk of
 * rows, and one batched statement each inserts, updates and adds revisions (the driver's
 * {@code reWriteBatchedInserts} turns the insert batches into multi-row statements). The {@link Measurement} objects
 * are used as plain carriers here; they are never attached to a Hibernate session, so this class does for
 * {@code version} what {@code @Version} does on the JPA path.
 */
@ApplicationScoped
public class MeasurementBatchRepository {

    private static final String COLUMNS = "id, indicator_id, agency_id, period, status, revision, version, numerator,"
            + " denominator, entered_value, components, subtotals, computed_value, achievement_status, achievement,"
            + " note, source, submitted_at, submitted_by";

    private final Jdbc jdbc;

    public MeasurementBatchRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Finds the existing figures of a chunk and locks them until the transaction ends.
     *
     * @param keys the (indicator, agency, period) keys of the chunk
     * @return the existing figures by key ({@link #key})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Measurement> findExisting(List<Measurement> keys) {
        Map<String, Measurement> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<Measurement> rows = jdbc.query(
                "SELECT m." + COLUMNS.replace(", ", ", m.")
                        + " FROM measurement m JOIN unnest(?::uuid[], ?::uuid[], ?::text[]) AS k(i, a, p)"
                        + " ON m.indicator_id = k.i AND m.agency_id = k.a AND m.period = k.p FOR UPDATE OF m",
                MeasurementBatchRepository::read,
                Jdbc.uuids(keys.stream().map(m -> m.indicatorId).toList()),
                Jdbc.uuids(keys.stream().map(m -> m.agencyId).toList()),
                Jdbc.texts(keys.stream().map(m -> m.period).toList()));
        for (Measurement m : rows) {
            found.put(key(m.indicatorId, m.agencyId, m.period), m);
        }
        return found;
    }

    /** Inserts new figures. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Measurement> figures) {
        List<Object[]> rows = new ArrayList<>(figures.size());
        for (Measurement m : figures) {
            rows.add(
                    row(List.of(m.id, m.indicatorId, m.agencyId, m.period, m.status.name(), m.revision, m.version), m));
        }
        jdbc.batch(
                "INSERT INTO measurement (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)",
                rows);
    }

    /**
     * Writes the new revision of existing figures (status, values) and counts the change in their version, in the
     * database and on the carriers, so the events built from them afterwards state the version clients will see.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(List<Measurement> figures) {
        List<Object[]> rows = new ArrayList<>(figures.size());
        for (Measurement m : figures) {
            rows.add(row(List.of(m.status.name(), m.revision), m, m.id));
        }
        jdbc.batch(
                "UPDATE measurement SET status = ?, revision = ?, version = version + 1, numerator = ?,"
                        + " denominator = ?, entered_value = ?, components = ?, subtotals = ?, computed_value = ?,"
                        + " achievement_status = ?, achievement = ?, note = ?, source = ?, submitted_at = ?,"
                        + " submitted_by = ?, reviewed_at = NULL, reviewed_by = NULL, review_reason = NULL WHERE id = ?",
                rows);
        for (Measurement m : figures) {
            m.version = m.version + 1;
        }
    }

    /** Adds the current revision of each figure to the revision history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertRevisions(List<Measurement> figures) {
        List<Object[]> rows = new ArrayList<>(figures.size());
        for (Measurement m : figures) {
            rows.add(row(List.of(m.id, m.revision), m));
        }
        jdbc.batch(
                "INSERT INTO measurement_revision (measurement_id, revision, numerator, denominator,"
                        + " entered_value, components, subtotals, computed_value, achievement_status, achievement,"
                        + " note, source, submitted_at, submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** @return the key under which {@link #findExisting} answers */
    public static String key(UUID indicatorId, UUID agencyId, String period) {
        return indicatorId + "|" + agencyId + "|" + period;
    }

    /**
     * The statement parameters of one figure: {@code leading} values, the columns every statement writes (numbers,
     * computed parts, note, source, submission) in the order of {@link #COLUMNS}, then {@code trailing} values.
     */
    private static Object[] row(List<Object> leading, Measurement m, Object... trailing) {
        List<Object> values = new ArrayList<>(leading);
        values.addAll(Arrays.asList(
                m.numerator,
                m.denominator,
                m.enteredValue,
                m.components,
                m.subtotals,
                m.computedValue,
                m.achievementStatus,
                m.achievement,
                m.note,
                m.source,
                m.submittedAt,
                m.submittedBy));
        values.addAll(Arrays.asList(trailing));
        return values.toArray();
    }

    private static Measurement read(ResultSet rs) throws SQLException {
        Measurement m = new Measurement();
        m.id = rs.getObject(1, UUID.class);
        m.indicatorId = rs.getObject(2, UUID.class);
        m.agencyId = rs.getObject(3, UUID.class);
        m.period = rs.getString(4);
        m.status = MeasurementStatus.valueOf(rs.getString(5));
        m.revision = rs.getInt(6);
        m.version = rs.getLong(7);
        m.numerator = rs.getBigDecimal(8);
        m.denominator = rs.getBigDecimal(9);
        m.enteredValue = rs.getBigDecimal(10);
        m.components = rs.getString(11);
        m.subtotals = rs.getString(12);
        m.computedValue = rs.getBigDecimal(13);
        m.achievementStatus = rs.getString(14);
        m.achievement = rs.getString(15);
        m.note = rs.getString(16);
        m.source = rs.getString(17);
        m.submittedAt = Jdbc.instant(rs, "submitted_at");
        m.submittedBy = rs.getString(19);
        return m;
    }
}
