package vn.partracker.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.events.EventEnvelope;
import vn.partracker.indicators.domain.Measurement;
import vn.partracker.indicators.domain.MeasurementReview;
import vn.partracker.indicators.domain.MeasurementRevision;
import vn.partracker.indicators.domain.lifecycle.MeasurementStatus;
import vn.partracker.support.audit.AuditEntry;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.jdbc.Jdbc;
import vn.partracker.support.outbox.OutboxWriter;

/** Figures with their revisions and reviews. */
@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID> {

    /**
     * The first revision of a figure checked against an in-memory snapshot, written by one statement that first
     * proves the snapshot still holds: the indicator is share-locked at the version the figure was checked against
     * (an update of its definition waits for this figure, then re-evaluates it), {@code reference_generation} is the
     * snapshot's, no period lock covers the figure's period, and no figure exists for its indicator, agency and
     * period. Only then are the figure, its revision, its event ({@code outbox_event}) and its audit row
     * ({@code audit_pending}) inserted: one round trip for everything the submission writes.
     */
    private static final String INSERT_FIRST_REVISION = """
            WITH ind AS (
                SELECT id FROM indicator WHERE id = ?::uuid AND version = ? FOR SHARE
            ), ref AS (
                SELECT generation FROM reference_generation
            ), lk AS (
                SELECT period, reason FROM period_lock
                 WHERE ((indicator_id IS NULL AND plan_id IS NULL) OR indicator_id = ?::uuid OR plan_id = ?::uuid)
                   AND period_start <= ?::date AND period_end >= ?::date
                 LIMIT 1
            ), m AS (
                INSERT INTO measurement (id, indicator_id, agency_id, period, status, revision, version, numerator,
                    denominator, entered_value, components, subtotals, computed_value, achievement_status,
                    achievement, note, source, submitted_at, submitted_by)
                SELECT ?::uuid, ind.id, ?::uuid, ?, ?, ?, ?, ?::numeric, ?::numeric, ?::numeric, ?, ?, ?::numeric,
                    ?, ?, ?, ?, ?::timestamptz, ?
                  FROM ind, ref
                 WHERE ref.generation = ? AND NOT EXISTS (SELECT 1 FROM lk)
                ON CONFLICT ON CONSTRAINT measurement_one_per_period DO NOTHING
                RETURNING id, revision, numerator, denominator, entered_value, components, subtotals, computed_value,
                    achievement_status, achievement, note, source, submitted_at, submitted_by
            ), rev AS (
                INSERT INTO measurement_revision (measurement_id, revision, numerator, denominator, entered_value,
                    components, subtotals, computed_value, achievement_status, achievement, note, source,
                    submitted_at, submitted_by)
                SELECT * FROM m
                RETURNING measurement_id
            ), ev AS (
                INSERT INTO outbox_event (%s)
                SELECT %s FROM m
            ), au AS (
                INSERT INTO audit_pending (%s)
                SELECT %s FROM m
            )
            SELECT (SELECT count(*) FROM ind) AS indicator_current, (SELECT generation FROM ref) AS generation,
                   (SELECT period FROM lk) AS lock_period, (SELECT reason FROM lk) AS lock_reason,
                   (SELECT count(*) FROM rev) AS inserted
            """.formatted(
                    OutboxWriter.COLUMNS,
                    OutboxWriter.PLACEHOLDERS,
                    AuditTrail.PENDING_COLUMNS,
                    AuditTrail.PENDING_PLACEHOLDERS);

    /**
     * What {@link #insertFirstRevision} found.
     *
     * @param indicatorCurrent whether the indicator still has the version the figure was checked against
     * @param generation the database's {@code reference_generation}
     * @param lockPeriod the period of a lock that closes the figure's period, or {@code null}
     * @param lockReason that lock's reason
     * @param inserted whether the figure and its first revision were written
     */
    public record FirstRevision(
            boolean indicatorCurrent, long generation, String lockPeriod, String lockReason, boolean inserted) {}

    private final Jdbc jdbc;

    public MeasurementRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes a figure, its first revision, its event and its audit row in one statement, unless the reference data it
     * was checked against changed, a period lock covers it or it exists already; see {@link #INSERT_FIRST_REVISION}.
     *
     * @param m the figure, every column set
     * @param planId the plan of the figure's indicator (for plan-wide locks)
     * @param indicatorVersion the version of the indicator the figure was checked against
     * @param generation the {@code reference_generation} of that check
     * @param periodStart first day of the figure's period
     * @param periodEnd last day of the figure's period
     * @param event the figure's event ({@link vn.partracker.support.outbox.OutboxWriter#prepare}), written with it
     * @param audit the figure's audit row ({@link AuditTrail#prepare}), written with it
     */
    public FirstRevision insertFirstRevision(
            Measurement m,
            UUID planId,
            long indicatorVersion,
            long generation,
            LocalDate periodStart,
            LocalDate periodEnd,
            EventEnvelope event,
            AuditEntry audit) {
        List<Object> params = new ArrayList<>(48);
        Collections.addAll(
                params,
                m.indicatorId,
                indicatorVersion,
                m.indicatorId,
                planId,
                periodStart,
                periodEnd,
                m.id,
                m.agencyId,
                m.period,
                m.status.name(),
                m.revision,
                m.version,
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
                m.submittedBy,
                generation);
        Collections.addAll(params, OutboxWriter.values(event));
        Collections.addAll(params, AuditTrail.values(audit));
        return jdbc.queryOne(
                        INSERT_FIRST_REVISION,
                        rs -> new FirstRevision(
                                rs.getLong("indicator_current") > 0,
                                rs.getLong("generation"),
                                rs.getString("lock_period"),
                                rs.getString("lock_reason"),
                                rs.getLong("inserted") > 0),
                        params.toArray())
                .orElseThrow();
    }

    /** @return the figure, locked until the transaction ends so concurrent changes are serialized */
    public Optional<Measurement> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** @return the figure of this indicator, agency and period, if one was submitted */
    public Optional<Measurement> findByKey(UUID indicatorId, UUID agencyId, String period) {
        return find("indicatorId = ?1 and agencyId = ?2 and period = ?3", indicatorId, agencyId, period)
                .firstResultOptional();
    }

    /** Filters figures; every filter is optional. */
    public PanacheQuery<Measurement> search(UUID indicatorId, UUID agencyId, String period, MeasurementStatus status) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (indicatorId != null) {
            where.add("indicatorId = :indicatorId");
            params.put("indicatorId", indicatorId);
        }
        if (agencyId != null) {
            where.add("agencyId = :agencyId");
            params.put("agencyId", agencyId);
        }
        if (period != null) {
            where.add("period = :period");
            params.put("period", period);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        return find(
                String.join(" and ", where),
                Sort.by("period").and("indicatorId").and("agencyId"),
                params);
    }

    /** @return how many figures the indicator has, whatever their status */
    public long countByIndicator(UUID indicatorId) {
        return count("indicatorId", indicatorId);
    }

    /** @return every figure of the indicator, locked in id order until the transaction ends */
    public List<Measurement> lockByIndicator(UUID indicatorId) {
        return find("indicatorId = ?1", Sort.by("id"), indicatorId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * One chunk of every figure in id order (keyset paging, so a long walk neither skips nor repeats rows).
     *
     * @param after the last id of the previous chunk, {@code null} for the first
     * @param limit the chunk size
     */
    public List<Measurement> chunkAfter(UUID after, int limit) {
        return (after == null ? findAll(Sort.by("id")) : find("id > ?1", Sort.by("id"), after))
                .page(0, limit)
                .list();
    }

    /** Adds a revision row. */
    public void addRevision(MeasurementRevision revision) {
        getEntityManager().persist(revision);
    }

    /** Adds a review row. */
    public void addReview(MeasurementReview review) {
        getEntityManager().persist(review);
    }

    /** @return the revisions of a figure, oldest first */
    public List<MeasurementRevision> revisions(UUID measurementId) {
        return getEntityManager()
                .createQuery(
                        "from MeasurementRevision where measurementId = ?1 order by revision",
                        MeasurementRevision.class)
                .setParameter(1, measurementId)
                .getResultList();
    }

    /** @return the reviews of a figure, oldest first */
    public List<MeasurementReview> reviews(UUID measurementId) {
        return getEntityManager()
                .createQuery(
                        "from MeasurementReview where measurementId = ?1 order by reviewedAt, id",
                        MeasurementReview.class)
                .setParameter(1, measurementId)
                .getResultList();
    }
}
