package vn.partracker.events.payload;

import java.time.OffsetDateTime;

/**
 * {@code partracker.task.status-changed}: an assignment moved between NOT_STARTED, IN_PROGRESS, DONE and CANCELLED.
 * Keyed by the plan id.
 */
public record TaskStatusChanged(
        int schemaVersion, AssignmentState assignment, String previousStatus, OffsetDateTime changedAt) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;
}
