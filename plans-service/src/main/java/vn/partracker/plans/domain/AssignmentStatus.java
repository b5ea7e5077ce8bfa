package vn.partracker.plans.domain;

/** Status of one agency's assignment on a task. Overdue is not a status: it is derived from the due date. */
public enum AssignmentStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    /** Whether work on the assignment has ended, so it can no longer be overdue. */
    public boolean finished() {
        return this == DONE || this == CANCELLED;
    }
}
