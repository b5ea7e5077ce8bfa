package vn.partracker.indicators.domain.target;

/**
 * How a figure is compared with a target value. Named to avoid clashing with {@link java.util.Comparator}.
 */
public enum TargetComparator {
    /** The figure must be the target value or more ("Tối thiểu"). */
    AT_LEAST,
    /** The figure must be the target value or less ("Tối đa"). */
    AT_MOST,
    /** The figure must equal the target value, compared numerically (90 equals 90.00). */
    EXACTLY
}
