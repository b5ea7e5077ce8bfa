package vn.partracker.events.payload;

/**
 * {@code partracker.task.progress-reported}: an agency reported progress on its assignment; carries the update and
 * the assignment's state after it. Keyed by the plan id.
 */
public record TaskProgressReported(int schemaVersion, AssignmentState assignment, ProgressState progress) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;
}
