package vn.partracker.indicators.domain.achievement;

/**
 * Whether a figure reaches the target that applies to it.
 */
public enum AchievementStatus {
    /** The figure satisfies the target's comparator. */
    MET,
    /** The figure falls short of the target. */
    NOT_MET,
    /** No target applies to this agency on this date, so the figure is reported without a verdict. */
    NO_TARGET
}
