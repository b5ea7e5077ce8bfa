package vn.partracker.indicators.domain.value;

/**
 * Which way an indicator improves. Decides which of two equally specific targets is the stricter one.
 */
public enum Direction {
    /** Bigger figures are better, e.g. the share of dossiers settled on time. */
    HIGHER_IS_BETTER,
    /** Smaller figures are better, e.g. the number of late dossiers or processing days. */
    LOWER_IS_BETTER
}
