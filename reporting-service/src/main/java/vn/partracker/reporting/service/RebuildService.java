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
import vn.partracker.reporting.domain.aggregate.Contribution;
import vn.partracker.reporting.repository.ContributionRepository;
import vn.partracker.reporting.repository.ContributionRepository.Key;
import vn.partracker.reporting.repository.MeasurementReplicaRepository;
import vn.partracker.reporting.repository.MeasurementReplicaRepository.StoredFigure;
import vn.partracker.reporting.rest.dto.RebuildResult;

/**
 * Recomputes the aggregates from the figure replica and reports where the incremental state differed. The
 * consumer and the rebuild share one rule ({@link Contribution#of}), so any difference means an event was applied
 * wrongly, not that the rules disagree. Rows that sum to zero are equivalent to missing rows.
 */
@ApplicationScoped
public class RebuildService {

    private static final int MAX_REPORTED = 500;

    private final MeasurementReplicaRepository measurements;
    private final ContributionRepository contributions;

    public RebuildService(MeasurementReplicaRepository measurements, ContributionRepository contributions) {
        this.measurements = measurements;
        this.contributions = contributions;
    }

    /** Locks the aggregate against the consumer, compares, and replaces it by the recomputed state. */
    @Transactional
    public RebuildResult rebuild() {
        contributions.lockForRebuild();
        List<StoredFigure> figures = measurements.all();
        Map<Key, Contribution> recomputed = new HashMap<>();
        for (StoredFigure f : figures) {
            recomputed.merge(
                    new Key(
                            f.state().indicatorId(),
                            f.state().period(),
                            f.state().agencyId()),
                    Contribution.of(f.state()),
                    Contribution::plus);
        }
        Map<Key, Contribution> incremental = contributions.all();
        Set<Key> keys = new LinkedHashSet<>(incremental.keySet());
        keys.addAll(recomputed.keySet());
        List<RebuildResult.Difference> differences = new ArrayList<>();
        for (Key key : keys) {
            Contribution was = incremental.getOrDefault(key, Contribution.ZERO);
            Contribution should = recomputed.getOrDefault(key, Contribution.ZERO);
            if (!was.minus(should).isZero() && differences.size() < MAX_REPORTED) {
                differences.add(new RebuildResult.Difference(
                        key.indicatorId().toString(),
                        key.period(),
                        key.agencyId().toString(),
                        incremental.get(key),
                        recomputed.get(key)));
            }
        }
        contributions.replaceAll(recomputed);
        if (differences.isEmpty()) {
            Log.infof("rebuild: %d figures, %d aggregate rows, no differences", figures.size(), recomputed.size());
        } else {
            Log.warnf("rebuild: %d aggregate rows differed from the incremental state", differences.size());
        }
        return new RebuildResult(Instant.now(), figures.size(), recomputed.size(), differences);
    }
}
