package vn.partracker.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.reporting.domain.aggregate.FigureState;
import vn.partracker.support.jdbc.Jdbc;

/**
 * The current state of every figure: the highest version seen per measurement id.
 *
 * <p>Two reporting instances can apply events of the same figure at the same time (a rebalance moves a partition
 * while the old owner still finishes its batch). {@link #lockFigures} serialises them per figure even before the
 * figure's row exists, and {@link #save} never lets an older version overwrite a newer one, so the aggregate delta is
 * always taken against the stored state it replaces.
 */
@ApplicationScoped
public class MeasurementReplicaRepository {

    private final Jdbc jdbc;

    public MeasurementReplicaRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One stored figure.
     *
     * @param firstSubmittedAt the earliest submission seen, which decides timeliness
     */
    public record StoredFigure(
            UUID id, long version, int revision, FigureState state, Instant submittedAt, Instant firstSubmittedAt) {}

    /** An agency's earliest counted submission for a period. */
    public record Submission(UUID agencyId, Instant firstSubmittedAt) {}

    /**
     * Takes the transaction-scoped locks a change of these figures needs, before their rows are read: a shared lock
     * per indicator (which {@link IndicatorAggregateRepository#lockIndicatorForRebuild} takes exclusively) and an
     * exclusive lock per figure id, which exists whether or not the figure's row does. Keys are taken in ascending
     * order, indicators first, so two appliers never wait for each other in a cycle.
     */
    public void lockFigures(Collection<UUID> indicatorIds, Collection<UUID> figureIds) {
        advisoryLocks("pg_advisory_xact_lock_shared", IndicatorAggregateRepository.INDICATOR_LOCKS, indicatorIds);
        advisoryLocks("pg_advisory_xact_lock", FIGURE_LOCKS, figureIds);
    }

    /** Takes a shared lock on more indicators (of stored figures whose indicator differs from the event's). */
    public void lockIndicators(Collection<UUID> indicatorIds) {
        advisoryLocks("pg_advisory_xact_lock_shared", IndicatorAggregateRepository.INDICATOR_LOCKS, indicatorIds);
    }

    /** The advisory-lock name space of figures (two-key form, so it never meets the audit trail's one-key lock). */
    static final int FIGURE_LOCKS = 0x52464947;

    /**
     * Takes one advisory lock per id in ascending key order. A key is the id's hash: two ids with the same hash only
     * wait for each other, which costs time, never correctness.
     */
    private void advisoryLocks(String function, int space, Collection<UUID> ids) {
        int[] keys = ids.stream().mapToInt(UUID::hashCode).distinct().sorted().toArray();
        if (keys.length == 0) {
            return;
        }
        StringBuilder array = new StringBuilder("{");
        for (int key : keys) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append(key);
        }
        array.append('}');
        jdbc.query(
                "SELECT " + function + "(" + space + ", k) FROM unnest('" + array
                        + "'::int[]) WITH ORDINALITY AS t(k, n) ORDER BY n",
                rs -> Boolean.TRUE);
    }

    /**
     * The stored figures with the given ids, locked until the transaction ends. Call {@link #lockFigures} first: a
     * row lock alone does not cover a figure whose row another transaction is inserting.
     */
    public Map<UUID, StoredFigure> lockByIds(Collection<UUID> ids) {
        Map<UUID, StoredFigure> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        for (StoredFigure f : jdbc.query(
                "SELECT * FROM measurement WHERE id = ANY(?) ORDER BY id FOR UPDATE",
                MeasurementReplicaRepository::map,
                Jdbc.uuids(ids))) {
            result.put(f.id(), f);
        }
        return result;
    }

    /** Every stored figure, for a rebuild of the aggregates. */
    public List<StoredFigure> all() {
        return jdbc.query("SELECT * FROM measurement", MeasurementReplicaRepository::map);
    }

    /** The stored figures of one indicator, for a rebuild of its aggregates. */
    public List<StoredFigure> ofIndicator(UUID indicatorId) {
        return jdbc.query(
                "SELECT * FROM measurement WHERE indicator_id = ?", MeasurementReplicaRepository::map, indicatorId);
    }

    /**
     * Inserts or replaces figures (the caller has decided they are newer, holding their {@link #lockFigures} locks);
     * a stored row with the same or a newer version is kept, whatever the caller decided.
     */
    public void save(Collection<StoredFigure> figures) {
        List<Object[]> rows = new ArrayList<>();
        for (StoredFigure f : figures) {
            FigureState s = f.state();
            rows.add(new Object[] {
                f.id(),
                s.indicatorId(),
                s.agencyId(),
                s.period(),
                f.version(),
                f.revision(),
                s.status(),
                s.numerator(),
                s.denominator(),
                s.value(),
                s.achievement(),
                f.submittedAt(),
                f.firstSubmittedAt()
            });
        }
        jdbc.batch("""
                INSERT INTO measurement (id, indicator_id, agency_id, period, version, revision, status, numerator,
                    denominator, value, achievement, submitted_at, first_submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET indicator_id = EXCLUDED.indicator_id, agency_id = EXCLUDED.agency_id,
                    period = EXCLUDED.period, version = EXCLUDED.version, revision = EXCLUDED.revision,
                    status = EXCLUDED.status, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
                    value = EXCLUDED.value, achievement = EXCLUDED.achievement, submitted_at = EXCLUDED.submitted_at,
                    first_submitted_at = EXCLUDED.first_submitted_at, updated_at = now()
                WHERE measurement.version < EXCLUDED.version
                """, rows);
    }

    /**
     * For each agency, the earliest submission among its counted figures (submitted or approved, not returned) of
     * the indicators for the period.
     */
    public List<Submission> firstSubmissions(String period, Collection<UUID> indicatorIds, Collection<UUID> agencyIds) {
        return jdbc.query(
                """
                SELECT agency_id, min(COALESCE(first_submitted_at, submitted_at, updated_at)) AS first_at
                FROM measurement
                WHERE period = ? AND indicator_id = ANY(?) AND agency_id = ANY(?)
                    AND status IN ('SUBMITTED', 'APPROVED')
                GROUP BY agency_id
                """,
                rs -> new Submission(Jdbc.uuid(rs, "agency_id"), Jdbc.instant(rs, "first_at")),
                period,
                Jdbc.uuids(indicatorIds),
                Jdbc.uuids(agencyIds));
    }

    private static StoredFigure map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredFigure(
                Jdbc.uuid(rs, "id"),
                rs.getLong("version"),
                rs.getInt("revision"),
                new FigureState(
                        Jdbc.uuid(rs, "indicator_id"),
                        Jdbc.uuid(rs, "agency_id"),
                        rs.getString("period"),
                        rs.getString("status"),
                        rs.getBigDecimal("numerator"),
                        rs.getBigDecimal("denominator"),
                        rs.getBigDecimal("value"),
                        rs.getString("achievement")),
                Jdbc.instant(rs, "submitted_at"),
                Jdbc.instant(rs, "first_submitted_at"));
    }
}
