package vn.partracker.indicators.domain.lifecycle;

/**
 * Where a figure stands in its review. A new figure and every new revision are {@link #SUBMITTED}; review moves it
 * on (see {@link ReviewAction}). The names are stored as text in {@code measurement.status} and appear as they are
 * in the API and the events.
 */
public enum MeasurementStatus {
    /** Waiting for the evaluating agency's review. */
    SUBMITTED,
    /** Accepted by the evaluating agency; it changes only after an explicit, recorded reopen. */
    APPROVED,
    /** Sent back to the agency with a reason; its next revision makes it SUBMITTED again. */
    RETURNED;

    /** Whether the agency may record a new revision now: an approved figure must be reopened first. */
    public boolean acceptsRevision() {
        return this != APPROVED;
    }
}
