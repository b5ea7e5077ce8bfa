package vn.partracker.reporting.api;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of recomputing every aggregate from the figure replica.
 *
 * @param figures figures the rebuild read
 * @param rows aggregate rows after the rebuild
 * @param differences rows where the incremental state differed from the recomputed one (empty when consistent)
 */
public record RebuildResult(Instant rebuiltAt, int figures, int rows, List<Difference> differences) {

    /**
     * One differing aggregate row.
     *
     * @param incremental the row as the consumers maintained it, {@code null} when missing
     * @param recomputed the row recomputed from the figures, {@code null} when it should not exist
     */
    public record Difference(
            String indicatorId, String period, String agencyId, Object incremental, Object recomputed) {}
}
