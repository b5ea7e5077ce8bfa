package vn.partracker.events;

import java.util.List;

/**
 * The CloudEvents {@code ce_type} values of the design page. Consumers switch on these strings, so they are the
 * contract: a new type is added here first, an existing one is never renamed. {@code revised} and {@code reopened}
 * extend the design page's list for the measurement revisions and reopenings of the indicators issue.
 */
public final class EventTypes {

    public static final String AGENCY_UPSERTED = "partracker.agency.upserted";
    public static final String AGENCY_GROUP_UPSERTED = "partracker.agency-group.upserted";
    public static final String PLAN_ISSUED = "partracker.plan.issued";
    public static final String PLAN_AMENDED = "partracker.plan.amended";
    public static final String TASK_ASSIGNED = "partracker.task.assigned";
    public static final String TASK_PROGRESS_REPORTED = "partracker.task.progress-reported";
    public static final String TASK_STATUS_CHANGED = "partracker.task.status-changed";
    public static final String INDICATOR_DEFINED = "partracker.indicator.defined";
    public static final String MEASUREMENT_SUBMITTED = "partracker.measurement.submitted";
    public static final String MEASUREMENT_APPROVED = "partracker.measurement.approved";
    public static final String MEASUREMENT_REVISED = "partracker.measurement.revised";
    public static final String MEASUREMENT_RETURNED = "partracker.measurement.returned";
    public static final String MEASUREMENT_REOPENED = "partracker.measurement.reopened";
    public static final String REPORT_FINALIZED = "partracker.report.finalized";

    /** Every type, in the order of the design page. */
    public static final List<String> ALL = List.of(
            AGENCY_UPSERTED,
            AGENCY_GROUP_UPSERTED,
            PLAN_ISSUED,
            PLAN_AMENDED,
            TASK_ASSIGNED,
            TASK_PROGRESS_REPORTED,
            TASK_STATUS_CHANGED,
            INDICATOR_DEFINED,
            MEASUREMENT_SUBMITTED,
            MEASUREMENT_APPROVED,
            MEASUREMENT_REVISED,
            MEASUREMENT_RETURNED,
            MEASUREMENT_REOPENED,
            REPORT_FINALIZED);

    private EventTypes() {}
}
