package vn.partracker.reporting.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rebuild of the aggregates as a durable job: its progress while it runs and its outcome when it ended.
 *
 * @param status {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param requestedBy the subject of the administrator who started it
 * @param worker the instance that runs (or ran) it
 * @param indicatorsTotal indicators to rebuild (known once the job runs)
 * @param indicatorsDone indicators rebuilt so far, each in a transaction of its own
 * @param figures figures read so far
 * @param rows aggregate rows written so far
 * @param differenceCount rows where the incremental state differed from the recomputed one
 * @param differences the first of those rows (at most 500); empty when consistent
 * @param failureReason why the job failed, {@code null} otherwise
 */
public record RebuildJob(
        UUID id,
        String status,
        String requestedBy,
        Instant requestedAt,
        String worker,
        Instant startedAt,
        Instant heartbeatAt,
        Instant finishedAt,
        int indicatorsTotal,
        int indicatorsDone,
        int figures,
        int rows,
        int differenceCount,
        List<RebuildResult.Difference> differences,
        String failureReason) {

    /** The job's states. */
    public static final String QUEUED = "QUEUED";

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
}
