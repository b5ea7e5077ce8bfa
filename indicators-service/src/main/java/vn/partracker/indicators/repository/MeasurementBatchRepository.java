package vn.partracker.indicators.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.indicators.domain.Measurement;

/**
 * Reads and writes figures of a bulk import with JDBC batches: one query finds the existing figures of a chunk of
 * rows, and one batched statement each inserts, updates and adds revisions. The {@link Measurement} objects are used
 * as plain carriers here; they are never attached to a Hibernate session.
 */
@ApplicationScoped
public class MeasurementBatchRepository {

    private static final String COLUMNS = "id, indicator_id, agency_id, period, status, revision, version, numerator,"
            + " denominator, entered_value, components, subtotals, computed_value, achievement_status, achievement,"
            + " note, source, submitted_at, submitted_by";

    private final AgroalDataSource dataSource;

    public MeasurementBatchRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT m." + COLUMNS.replace(", ", ", m.")
                        + " FROM measurement m JOIN unnest(?::uuid[], ?::uuid[], ?::text[]) AS k(i, a, p)"
                        + " ON m.indicator_id = k.i AND m.agency_id = k.a AND m.period = k.p FOR UPDATE OF m")) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid", keys.stream().map(m -> m.indicatorId).toArray()));
            select.setArray(
                    2,
                    connection.createArrayOf(
                            "uuid", keys.stream().map(m -> m.agencyId).toArray()));
            select.setArray(
                    3,
                    connection.createArrayOf(
                            "text", keys.stream().map(m -> m.period).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Measurement m = read(rs);
                    found.put(key(m.indicatorId, m.agencyId, m.period), m);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read existing figures", e);
        }
        return found;
    }

    /** Inserts new figures. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Measurement> figures) {
        if (figures.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO measurement (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Measurement m : figures) {
                bind(insert, m);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert figures", e);
        }
    }

    /** Writes the new revision of existing figures (status, values, version). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(List<Measurement> figures) {
        if (figures.isEmpty()) {
            return;
        }
        String sql = "UPDATE measurement SET status = ?, revision = ?, version = ?, numerator = ?, denominator = ?,"
                + " entered_value = ?, components = ?, subtotals = ?, computed_value = ?, achievement_status = ?,"
                + " achievement = ?, note = ?, source = ?, submitted_at = ?, submitted_by = ?, reviewed_at = NULL,"
                + " reviewed_by = NULL, review_reason = NULL WHERE id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (Measurement m : figures) {
                update.setString(1, m.status);
                update.setInt(2, m.revision);
                update.setLong(3, m.version);
                update.setBigDecimal(4, m.numerator);
                update.setBigDecimal(5, m.denominator);
                update.setBigDecimal(6, m.enteredValue);
                update.setString(7, m.components);
                update.setString(8, m.subtotals);
                update.setBigDecimal(9, m.computedValue);
                update.setString(10, m.achievementStatus);
                update.setString(11, m.achievement);
                update.setString(12, m.note);
                update.setString(13, m.source);
                update.setTimestamp(14, Timestamp.from(m.submittedAt));
                update.setString(15, m.submittedBy);
                update.setObject(16, m.id);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update figures", e);
        }
    }

    /** Adds the current revision of each figure to the revision history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertRevisions(List<Measurement> figures) {
        if (figures.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO measurement_revision (measurement_id, revision, numerator, denominator,"
                + " entered_value, components, subtotals, computed_value, achievement_status, achievement, note,"
                + " source, submitted_at, submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Measurement m : figures) {
                insert.setObject(1, m.id);
                insert.setInt(2, m.revision);
                insert.setBigDecimal(3, m.numerator);
                insert.setBigDecimal(4, m.denominator);
                insert.setBigDecimal(5, m.enteredValue);
                insert.setString(6, m.components);
                insert.setString(7, m.subtotals);
                insert.setBigDecimal(8, m.computedValue);
                insert.setString(9, m.achievementStatus);
                insert.setString(10, m.achievement);
                insert.setString(11, m.note);
                insert.setString(12, m.source);
                insert.setTimestamp(13, Timestamp.from(m.submittedAt));
                insert.setString(14, m.submittedBy);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert revisions", e);
        }
    }

    /** @return the key under which {@link #findExisting} answers */
    public static String key(UUID indicatorId, UUID agencyId, String period) {
        return indicatorId + "|" + agencyId + "|" + period;
    }

    private static void bind(PreparedStatement insert, Measurement m) throws SQLException {
        insert.setObject(1, m.id);
        insert.setObject(2, m.indicatorId);
        insert.setObject(3, m.agencyId);
        insert.setString(4, m.period);
        insert.setString(5, m.status);
        insert.setInt(6, m.revision);
        insert.setLong(7, m.version);
        insert.setBigDecimal(8, m.numerator);
        insert.setBigDecimal(9, m.denominator);
        insert.setBigDecimal(10, m.enteredValue);
        insert.setString(11, m.components);
        insert.setString(12, m.subtotals);
        insert.setBigDecimal(13, m.computedValue);
        insert.setString(14, m.achievementStatus);
        insert.setString(15, m.achievement);
        insert.setString(16, m.note);
        insert.setString(17, m.source);
        insert.setTimestamp(18, Timestamp.from(m.submittedAt));
        if (m.submittedBy == null) {
            insert.setNull(19, Types.VARCHAR);
        } else {
            insert.setString(19, m.submittedBy);
        }
    }

    private static Measurement read(ResultSet rs) throws SQLException {
        Measurement m = new Measurement();
        m.id = rs.getObject(1, UUID.class);
        m.indicatorId = rs.getObject(2, UUID.class);
        m.agencyId = rs.getObject(3, UUID.class);
        m.period = rs.getString(4);
        m.status = rs.getString(5);
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
        Timestamp submitted = rs.getTimestamp(18);
        m.submittedAt = submitted == null ? null : submitted.toInstant();
        m.submittedBy = rs.getString(19);
        return m;
    }
}
