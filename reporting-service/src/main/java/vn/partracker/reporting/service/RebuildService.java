package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partracker.reporting.api.RebuildResult;
import vn.partracker.reporting.domain.aggregate.IndicatorAggregate;
import vn.partracker.reporting.repository.IndicatorAggregateRepository;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.Key;
import vn.partracker.reporting.repository.MeasurementReplicaRepository;
import vn.partracker.reporting.repository.MeasurementReplicaRepository.StoredFigure;
import vn.partracker.support.audit.AuditTrail;

/**
 * Recomputes the aggregates from the figure replica and reports where the incremental state differed. The
 * consumer and the rebuild share one rule ({@link IndicatorAggregate#of}), so any difference means an event was applied
 * wrongly, not that the rules disagree. Rows that sum to zero are equivalent to missing rows. Each run is one row
 * of the audit trail (an admin replaced the aggregates).
 */
@ApplicationScoped
public class RebuildService {

    private static final int MAX_REPORTED = 500;

    private final MeasurementReplicaRepository measurements;
    private final IndicatorAggregateRepository aggregates;
    private final AuditTrail auditTrail;

    public RebuildService(
            MeasurementReplicaRepository measurements, IndicatorAggregateRepository aggregates, AuditTrail auditTrail) {
        this.measurements = measurements;
        this.aggregates = aggregates;
        this.auditTrail = auditTrail;
    }

    /** What the audit trail keeps of a rebuild (the differences themselves are in the answer and the log). */
    public record RebuildSummary(Instant rebuiltAt, int figures, int rows, int differences) {}

    /** Locks the aggregate against the consumer, compares, and replaces it by the recomputed state. */
    @Transactional
    public RebuildResult rebuild() {
        aggregates.lockForRebuild();
        List<StoredFigure> figures = measurements.all();
        Map<Key, IndicatorAggregate> recomputed = new HashMap<>();
        for (StoredFigure f : figures) {
            recomputed.merge(
                    new Key(
                            f.state().indicatorId(),
                            f.state().period(),
                            f.state().agencyId()),
                    IndicatorAggregate.of(f.state()),
                    IndicatorAggregate::plus);
        }
        Map<Key, IndicatorAggregate> incremental = aggregates.all();
        Set<Key> keys = new LinkedHashSet<>(incremental.keySet());
        keys.addAll(recomputed.keySet());
        List<RebuildResult.Difference> differences = new ArrayList<>();
        for (Key key : keys) {
            IndicatorAggregate was = incremental.getOrDefault(key, IndicatorAggregate.ZERO);
            IndicatorAggregate should = recomputed.getOrDefault(key, IndicatorAggregate.ZERO);
            if (!was.minus(should).isZero() && differences.size() < MAX_REPORTED) {
                differences.add(new RebuildResult.Difference(
                        key.indicatorId().toString(),
                        key.period(),
                        key.agencyId().toString(),
                        incremental.get(key),
                        recomputed.get(key)));
            }
        }
        aggregates.replaceAll(recomputed);
        if (differences.isEmpty()) {
            Log.infof("rebuild: %d figures, %d aggregate rows, no differences", figures.size(), recomputed.size());
        } else {
            Log.warnf("rebuild: %d aggregate rows differed from the incremental state", differences.size());
        }
        RebuildResult result = new RebuildResult(Instant.now(), figures.size(), recomputed.size(), differences);
        auditTrail.record(
                "aggregates.rebuilt",
                "AggregateRebuild",
                UUID.randomUUID(),
                null,
                new RebuildSummary(result.rebuiltAt(), result.figures(), result.rows(), differences.size()));
        return result;
    }
}
