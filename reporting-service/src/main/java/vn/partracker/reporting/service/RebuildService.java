package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.partracker.reporting.api.RebuildJob;
import vn.partracker.reporting.api.RebuildResult;
import vn.partracker.reporting.domain.aggregate.IndicatorAggregate;
import vn.partracker.reporting.repository.IndicatorAggregateRepository;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.Key;
import vn.partracker.reporting.repository.MeasurementReplicaRepository;
import vn.partracker.reporting.repository.MeasurementReplicaRepository.StoredFigure;
import vn.partracker.reporting.repository.RebuildJobRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.NotFoundException;
import vn.partracker.support.security.Caller;

/**
 * Recomputes the aggregates from the figure replica and records where the incremental state differed. The
 * consumer and the rebuild share one rule ({@link IndicatorAggregate#of}), so any difference means an event was applied
 * wrongly, not that the rules disagree. Rows that sum to zero are equivalent to missing rows.
 *
 * <p>A rebuild is a durable job ({@code rebuild_job}) that {@link RebuildWorker} runs one indicator per transaction:
 * each transaction locks only its indicator against the measurement consumer ({@link
 * IndicatorAggregateRepository#lockIndicatorForRebuild}), so figures of every other indicator keep flowing and no
 * request waits for the whole rebuild. The request and the outcome are each one row of the audit trail, both with the
 * administrator who asked as actor (the outcome is written by the worker, outside that request).
 */
@ApplicationScoped
public class RebuildService {

    private final MeasurementReplicaRepository measurements;
    private final IndicatorAggregateRepository aggregates;
    private final RebuildJobRepository jobs;
    private final AuditTrail auditTrail;
    private final Caller caller;
    private final IndicatorRollups rollups;

    public RebuildService(
            MeasurementReplicaRepository measurements,
            IndicatorAggregateRepository aggregates,
            RebuildJobRepository jobs,
            AuditTrail auditTrail,
            Caller caller,
            IndicatorRollups rollups) {
        this.measurements = measurements;
        this.aggregates = aggregates;
        this.rollups = rollups;
        this.jobs = jobs;
        this.auditTrail = auditTrail;
        this.caller = caller;
    }

    /** What the audit trail keeps of a finished rebuild (the differences themselves are on the job). */
    public record RebuildSummary(UUID jobId, String status, int figures, int rows, int differences, String reason) {}

    /** One indicator rebuilt: figures read, rows written and the differences found. */
    public record IndicatorRebuild(int figures, int rows, int differenceCount) {}

    /**
     * Queues a rebuild job. A job abandoned by a dead worker is failed first, so it never blocks a new one.
     *
     * @throws ConflictException when a rebuild is already queued or running
     */
    @Transactional
    public RebuildJob request(Duration staleAfter) {
        jobs.failAbandoned(null, staleAfter);
        Optional<RebuildJob> active = jobs.active();
        if (active.isPresent()) {
            throw new ConflictException(
                    "a rebuild is already " + active.get().status().toLowerCase() + ": /api/admin/rebuild/"
                            + active.get().id());
        }
        UUID id = TimeOrderedIds.next();
        String subject = Caller.inRequest() && caller.authenticated() ? caller.subject() : Caller.SYSTEM;
        jobs.insert(id, subject);
        RebuildJob job = jobs.find(id).orElseThrow();
        auditTrail.record("aggregates.rebuild-requested", "RebuildJob", id, null, job);
        return job;
    }

    /** A job with its progress or outcome. */
    public RebuildJob get(UUID id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("rebuild job", id));
    }

    /**
     * Fails the RUNNING jobs a dead worker left behind: every job of {@code restartedWorker} (which is starting) and
     * every job whose heartbeat is older than {@code staleAfter}.
     */
    @Transactional
    public List<UUID> failAbandoned(String restartedWorker, Duration staleAfter) {
        List<UUID> failed = jobs.failAbandoned(restartedWorker, staleAfter);
        for (UUID id : failed) {
            RebuildJob job = jobs.find(id).orElseThrow();
            Log.warnf("rebuild job %s failed: %s", id, job.failureReason());
            auditTrail.recordOnBehalfOf(
                    job.requestedBy(), "aggregates.rebuild-failed", "RebuildJob", id, null, summary(job));
        }
        return failed;
    }

    /** Claims the oldest queued job for the worker, with the list of indicators it will rebuild. */
    @Transactional
    public Optional<ClaimedJob> claimNext(String worker) {
        List<UUID> indicators = aggregates.indicatorIds();
        return jobs.claimNext(worker, indicators.size()).map(id -> new ClaimedJob(id, indicators));
    }

    /** A job a worker runs, and the indicators it rebuilds. */
    public record ClaimedJob(UUID id, List<UUID> indicators) {}

    /**
     * Rebuilds one indicator in a transaction of its own: waits for the consumers applying its figures, compares its
     * aggregate rows with the recomputation from its figures, replaces them (and its per-ancestor roll-ups), and adds
     * the result to the job.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public IndicatorRebuild rebuildIndicator(UUID jobId, UUID indicatorId) {
        aggregates.lockIndicatorForRebuild(indicatorId);
        List<StoredFigure> figures = measurements.ofIndicator(indicatorId);
        Map<Key, IndicatorAggregate> recomputed = new HashMap<>();
        for (StoredFigure f : figures) {
            recomputed.merge(
                    new Key(indicatorId, f.state().period(), f.state().agencyId()),
                    IndicatorAggregate.of(f.state()),
                    IndicatorAggregate::plus);
        }
        Map<Key, IndicatorAggregate> incremental = aggregates.ofIndicator(indicatorId);
        Set<Key> keys = new LinkedHashSet<>(incremental.keySet());
        keys.addAll(recomputed.keySet());
        List<RebuildResult.Difference> differences = new ArrayList<>();
        for (Key key : keys) {
            IndicatorAggregate was = incremental.getOrDefault(key, IndicatorAggregate.ZERO);
            IndicatorAggregate should = recomputed.getOrDefault(key, IndicatorAggregate.ZERO);
            if (!was.minus(should).isZero()) {
                differences.add(new RebuildResult.Difference(
                        key.indicatorId().toString(),
                        key.period(),
                        key.agencyId().toString(),
                        incremental.get(key),
                        recomputed.get(key)));
            }
        }
        aggregates.replaceIndicator(indicatorId, recomputed);
        rollups.rebuilt(
                indicatorId,
                keys.stream()
                        .map(Key::period)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        jobs.progress(jobId, figures.size(), recomputed.size(), differences.size(), differences);
        if (!differences.isEmpty()) {
            Log.warnf(
                    "rebuild job %s: %d aggregate rows of indicator %s differed from the incremental state",
                    jobId, differences.size(), indicatorId);
        }
        return new IndicatorRebuild(figures.size(), recomputed.size(), differences.size());
    }

    /** Ends a job that rebuilt every indicator. */
    @Transactional
    public RebuildJob succeed(UUID jobId) {
        jobs.succeed(jobId);
        RebuildJob job = jobs.find(jobId).orElseThrow();
        Log.infof(
                "rebuild job %s: %d figures, %d aggregate rows, %d differences",
                jobId, job.figures(), job.rows(), job.differenceCount());
        auditTrail.recordOnBehalfOf(job.requestedBy(), "aggregates.rebuilt", "RebuildJob", jobId, null, summary(job));
        return job;
    }

    /** Ends a job that could not finish, with the reason; the indicators already rebuilt stay rebuilt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID jobId, String reason) {
        if (jobs.fail(jobId, reason) == 1) {
            Log.warnf("rebuild job %s failed: %s", jobId, reason);
            RebuildJob job = jobs.find(jobId).orElseThrow();
            auditTrail.recordOnBehalfOf(
                    job.requestedBy(), "aggregates.rebuild-failed", "RebuildJob", jobId, null, summary(job));
        }
    }

    private static RebuildSummary summary(RebuildJob job) {
        return new RebuildSummary(
                job.id(), job.status(), job.figures(), job.rows(), job.differenceCount(), job.failureReason());
    }
}
