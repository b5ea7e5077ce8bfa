package vn.partracker.indicators.domain.value;

/**
 * How an indicator's figure is entered, which decides the fields a measurement must carry.
 */
public enum IndicatorKind {
    /** Numerator b over denominator a, stored as both and shown as the percentage 100 × b / a. */
    RATIO,
    /** One value entered directly. */
    VALUE,
    /** Points per component of a tree with maximum points, e.g. PAR INDEX; the figure is their total. */
    COMPOSITE
}
