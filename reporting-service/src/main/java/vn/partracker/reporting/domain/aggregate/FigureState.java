package vn.partracker.reporting.domain.aggregate;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The part of a figure's current state that the aggregates depend on.
 *
 * @param indicatorId the indicator measured
 * @param agencyId the agency that reported it
 * @param period the period code
 * @param status SUBMITTED, APPROVED or RETURNED (anything else is not counted)
 * @param numerator b of a ratio, or {@code null}
 * @param denominator a of a ratio, or {@code null}
 * @param value the figure's computed value (a ratio's percentage, a value, a composite's total), or {@code null}
 * @param achievement MET, NOT_MET, NO_TARGET or {@code null}
 */
public record FigureState(
        UUID indicatorId,
        UUID agencyId,
        String period,
        String status,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal value,
        String achievement) {

    /** Submitted and not yet reviewed. */
    public static final String SUBMITTED = "SUBMITTED";

    /** Accepted by the evaluating agency. */
    public static final String APPROVED = "APPROVED";

    /** Sent back to the agency for correction; it counts again once resubmitted. */
    public static final String RETURNED = "RETURNED";

    /** Whether the figure counts in the totals: the current revision, submitted or approved, not returned. */
    public boolean counted() {
        return SUBMITTED.equals(status) || APPROVED.equals(status);
    }

    /** Whether the figure is a ratio b / a that adds to the ratio of sums. */
    public boolean hasRatio() {
        return numerator != null && denominator != null;
    }
}
