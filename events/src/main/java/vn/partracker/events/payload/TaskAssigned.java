package vn.partracker.events.payload;

import java.util.List;

/**
 * {@code partracker.task.assigned}: a task added to an issued plan (or re-assigned) with its assignments. Keyed by
 * the plan id, like every event of the plans topic, so a plan's events stay in order.
 */
public record TaskAssigned(int schemaVersion, TaskState task, List<AssignmentState> assignments) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;
}
