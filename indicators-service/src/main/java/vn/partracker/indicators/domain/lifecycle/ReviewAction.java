package vn.partracker.indicators.domain.lifecycle;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import vn.partracker.events.EventTypes;

/**
 * The decisions the evaluating agency takes on a figure. Each one knows the statuses it may start from, the status it
 * leads to, the event it publishes and whether it must carry a reason: a return and a reopen change what the agency
 * has to do next, so they must say why; an approval need not.
 */
public enum ReviewAction {
    /** SUBMITTED → APPROVED. */
    APPROVE(
            EnumSet.of(MeasurementStatus.SUBMITTED),
            MeasurementStatus.APPROVED,
            EventTypes.MEASUREMENT_APPROVED,
            false,
            "approved"),
    /** SUBMITTED → RETURNED, with a reason for the agency. */
    RETURN(
            EnumSet.of(MeasurementStatus.SUBMITTED),
            MeasurementStatus.RETURNED,
            EventTypes.MEASUREMENT_RETURNED,
            true,
            "returned"),
    /** APPROVED → SUBMITTED, with a recorded reason, so the figure can be revised again. */
    REOPEN(
            EnumSet.of(MeasurementStatus.APPROVED),
            MeasurementStatus.SUBMITTED,
            EventTypes.MEASUREMENT_REOPENED,
            true,
            "reopened");

    private final Set<MeasurementStatus> from;
    private final MeasurementStatus to;
    private final String eventType;
    private final boolean reasonRequired;
    private final String pastTense;

    ReviewAction(
            Set<MeasurementStatus> from,
            MeasurementStatus to,
            String eventType,
            boolean reasonRequired,
            String pastTense) {
        this.from = from;
        this.to = to;
        this.eventType = eventType;
        this.reasonRequired = reasonRequired;
        this.pastTense = pastTense;
    }

    /** The statuses this decision may be taken on. */
    public Set<MeasurementStatus> from() {
        return EnumSet.copyOf(from);
    }

    /** Whether this decision may be taken on a figure in {@code status}. */
    public boolean allowedFrom(MeasurementStatus status) {
        return from.contains(status);
    }

    /** The status the figure has after this decision. */
    public MeasurementStatus to() {
        return to;
    }

    /** The CloudEvents type published for this decision. */
    public String eventType() {
        return eventType;
    }

    /** Whether the decision must carry a non-blank reason. */
    public boolean reasonRequired() {
        return reasonRequired;
    }

    /** The decision as a verb for messages: "approve", "return", "reopen". */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The decision in the past tense for messages: "approved", "returned", "reopened". */
    public String pastTense() {
        return pastTense;
    }
}
