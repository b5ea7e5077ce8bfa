package vn.partracker.indicators.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partracker.indicators.domain.Measurement;
import vn.partracker.indicators.domain.lifecycle.MeasurementStatus;
import vn.partracker.support.jdbc.CopyText;
import vn.partracker.support.jdbc.Jdbc;

/**
 * Reads and writes figures of a bulk import set by set: a chunk's rows are offered as new figures with one
 * {@code COPY} and one statement, one query then finds (and locks) the figures whose key existed, and the revised
 * figures and their revisions each reach the database with one {@code COPY} and at most one statement. The {@link Measurement} objects
 * are used as plain carriers here; they are never attached to a Hibernate session, so this class does for
 * {@code version} what {@code @Version} does on the JPA path.
 */
@ApplicationScoped
public class MeasurementBatchRepository {

    private static final String COLUMNS = "id, indicator_id, agency_id, period, status, revision, version, numerator,"
            + " denominator, entered_value, components, subtotals, computed_value, achievement_status, achievement,"
            + " note, source, submitted_at, submitted_by";

    private static final String REVISION_COLUMNS = "measurement_id, revision, numerator, denominator,"
            + " entered_value, components, subtotals, computed_value, achievement_status, achievement, note, source,"
            + " submitted_at, submitted_by";

    /** The import transaction's staging table ({@link #insertNew}). */
    static final String STAGE = "measurement_stage";

    private final Jdbc jdbc;
    private final AgroalDataSource dataSource;

    public MeasurementBatchRepository(Jdbc jdbc, AgroalDataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Finds the existing figures of a chunk and locks them until the transaction ends (the rows {@link #insertNew}
     * did not insert, or every row of an import that writes nothing).
     *
     * @param keys the (indicator, agency, period) keys of the chunk
     * @return the existing figures by key ({@link Key#of})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Key, Measurement> findExisting(List<Measurement> keys) {
        Map<Key, Measurement> found = new HashMap<>();
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
            found.put(new Key(m.indicatorId, m.agencyId, m.period), m);
        }
        return found;
    }

    /**
     * Inserts new figures: the rows are copied ({@code COPY FROM STDIN}) into a temporary staging table that lives
     * only as long as the import's transaction ({@code ON COMMIT DROP}, so a failed or rolled-back import leaves
     * nothing behind, and the pooled connection is clean for the next user), then moved with one
     * {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}. A figure that exists (sent again, or committed in the
     * meantime by a single submission of the same indicator, agency and period racing the import) is not inserted;
     * the caller learns which were and treats the others as existing figures.
     *
     * <p>The same statement writes the first revision of each figure it inserted, from the rows it inserted, so the
     * revisions are not built, sent and parsed a second time ({@link #insertRevisions} is for revised figures). The
     * rows come built ({@link #newFiguresText}, on the import's own thread while the previous chunk was written).
     *
     * @param figures the new figures
     * @param staged their rows as {@link #newFiguresText} gave them
     * @return the ids of the figures inserted, each with its first revision
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> insertNew(List<Measurement> figures, CopyText staged) {
        Set<UUID> inserted = new HashSet<>();
        if (figures.isEmpty()) {
            return inserted;
        }
        try (Connection c = dataSource.getConnection()) {
            stage(c, staged);
            try (PreparedStatement move = c.prepareStatement("WITH moved AS (INSERT INTO measurement (" + COLUMNS
                            + ") SELECT " + COLUMNS + " FROM " + STAGE
                            + " ON CONFLICT (indicator_id, agency_id, period) DO NOTHING RETURNING " + COLUMNS
                            + "), rev AS (INSERT INTO measurement_revision (" + REVISION_COLUMNS + ") SELECT "
                            + REVISION_COLUMNS.replace("measurement_id", "id") + " FROM moved)"
                            + " SELECT id FROM moved");
                    ResultSet rs = move.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert " + figures.size() + " figures", e);
        }
        return inserted;
    }

    /**
     * Writes the new revision of existing figures (status, values) and counts the change in their version, in the
     * database and on the carriers, so the events built from them afterwards state the version clients will see:
     * the rows are staged as in {@link #insertNew} and applied with one {@code UPDATE ... FROM}. The figures were
     * locked by {@link #findExisting}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(List<Measurement> figures) {
        if (figures.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            stage(c, stagingText(figures, true));
            try (PreparedStatement apply = c.prepareStatement("UPDATE measurement m SET status = s.status,"
                    + " revision = s.revision, version = m.version + 1, numerator = s.numerator,"
                    + " denominator = s.denominator, entered_value = s.entered_value, components = s.components,"
                    + " subtotals = s.subtotals, computed_value = s.computed_value,"
                    + " achievement_status = s.achievement_status, achievement = s.achievement, note = s.note,"
                    + " source = s.source, submitted_at = s.submitted_at, submitted_by = s.submitted_by,"
                    + " reviewed_at = NULL, reviewed_by = NULL, review_reason = NULL FROM " + STAGE
                    + " s WHERE m.id = s.id")) {
                apply.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not revise " + figures.size() + " figures", e);
        }
        for (Measurement m : figures) {
            m.version = m.version + 1;
        }
    }

    /**
     * Adds the current revision of each figure to the revision history, with one {@code COPY} (figures revised by an
     * import; a new figure's first revision is written by {@link #insertNew}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertRevisions(List<Measurement> figures) {
        if (figures.isEmpty()) {
            return;
        }
        CopyText rows = new CopyText();
        for (Measurement m : figures) {
            rows.add(m.id).add(m.revision);
            values(rows, m).endRow();
        }
        try (Connection c = dataSource.getConnection()) {
            rows.copy(c, "COPY measurement_revision (" + REVISION_COLUMNS + ") FROM STDIN");
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + figures.size() + " revisions", e);
        }
    }

    /**
     * The staging rows of new figures for {@link #insertNew}, built without the database.
     *
     * @param figures the new figures, ids and values set
     * @return their rows in {@code COPY} text form
     */
    public static CopyText newFiguresText(List<Measurement> figures) {
        return stagingText(figures, false);
    }

    private static CopyText stagingText(List<Measurement> figures, boolean forUpdate) {
        CopyText rows = new CopyText();
        for (Measurement m : figures) {
            rows.add(m.id)
                    .add(m.indicatorId)
                    .add(m.agencyId)
                    .add(m.period)
                    .add(m.status.name())
                    .add(m.revision)
                    .add(forUpdate ? m.version + 1 : m.version);
            values(rows, m).endRow();
        }
        return rows;
    }

    /** Fills the transaction's staging table with {@code rows} (emptied first, created on first use). */
    private static void stage(Connection c, CopyText rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGE + " (LIKE measurement) ON COMMIT DROP");
            s.execute("TRUNCATE " + STAGE);
        }
        rows.copy(c, "COPY " + STAGE + " (" + COLUMNS + ") FROM STDIN");
    }

    private static CopyText values(CopyText rows, Measurement m) {
        return rows.add(m.numerator)
                .add(m.denominator)
                .add(m.enteredValue)
                .add(m.components)
                .add(m.subtotals)
                .add(m.computedValue)
                .add(m.achievementStatus)
                .add(m.achievement)
                .add(m.note)
                .add(m.source)
                .add(m.submittedAt)
                .add(m.submittedBy);
    }

    /**
     * The identity of a figure (indicator, agency, period), the key under which {@link #findExisting} answers and by
     * which an import recognises a repeated row: two ids and a period compared as they are, where the former key
     * built, hashed and compared an 83-character {@code String} per row and per lookup (the lookups of those strings
     * in the import's set of up to 100,000 keys were about 7 % of the import thread's CPU in the issue-13
     * profile).
     *
     * @param indicatorId the indicator
     * @param agencyId the agency
     * @param period the period code
     */
    public record Key(UUID indicatorId, UUID agencyId, String period) {

        /** @return the key of a figure carrier */
        public static Key of(Measurement m) {
            return new Key(m.indicatorId, m.agencyId, m.period);
        }

        @Override
        public int hashCode() {
            long h = indicatorId.getMostSignificantBits() * 0x9E3779B97F4A7C15L;
            h = (h ^ indicatorId.getLeastSignificantBits()) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ agencyId.getMostSignificantBits()) * 0x9E3779B97F4A7C15L;
            h = (h ^ agencyId.getLeastSignificantBits()) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ period.hashCode()) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k
                    && indicatorId.equals(k.indicatorId)
                    && agencyId.equals(k.agencyId)
                    && period.equals(k.period);
        }

        @Override
        public String toString() {
            return indicatorId + "|" + agencyId + "|" + period;
        }
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
