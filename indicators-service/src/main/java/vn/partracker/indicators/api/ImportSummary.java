package vn.partracker.indicators.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome (or, while {@code QUEUED} or {@code RUNNING}, the progress) of a bulk import of figures.
 *
 * <p>{@code status}: {@code QUEUED} (a background import waiting for the import thread), {@code RUNNING},
 * {@code DONE}, {@code REJECTED} (all-or-nothing with a rejected row) or {@code FAILED} ({@code error} says why; an
 * import left queued or running by a restart is failed at the next start, and nothing of it was committed).
 *
 * <p>{@code imported} counts new figures, {@code updated} figures that got a new revision, {@code unchanged} rows
 * equal to the current revision (so re-sending a file is harmless), {@code rejected} the problems found (at most
 * {@value #MAX_LISTED} listed; {@code rejectedRows} counts every rejected row). With {@code dryRun} nothing is written
 * and the counts say what would happen; in {@code all-or-nothing} mode one rejected row means nothing is written
 * ({@code committed = false}).
 */
@Schema(name = "ImportSummary")
public record ImportSummary(
        UUID id,
        String kind,
        String status,
        String mode,
        boolean dryRun,
        boolean committed,
        int rows,
        int imported,
        int updated,
        int unchanged,
        int rejectedRows,
        List<RejectedRow> rejected,
        String error,
        Instant startedAt,
        Instant finishedAt) {

    /** Most problems listed in one summary. */
    public static final int MAX_LISTED = 1000;
}
