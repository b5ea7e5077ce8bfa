package vn.partracker.indicators.domain.value;

/**
 * Unit of an indicator's figure (đơn vị tính); the value rules of a {@link IndicatorKind#VALUE} figure depend on it.
 */
public enum Unit {
    /** Per cent, 0 to 100. */
    PERCENT,
    /** A number of things (dossiers, procedures); whole and not negative. */
    COUNT,
    /** Score points; bounded by the component maxima of a composite indicator. */
    POINTS,
    /** A duration in days; fractions allowed for averages. */
    DAYS,
    /** An amount in Vietnamese đồng. */
    VND,
    /** Yes or no, stored as 1 or 0. */
    BOOLEAN
}
