package vn.partracker.indicators.domain.achievement;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import vn.partracker.indicators.domain.target.AppliedTarget;

/**
 * Judges a figure against the target chosen by {@link vn.partracker.indicators.domain.target.TargetSelector}.
 *
 * <p>Values are compared numerically ({@link BigDecimal#compareTo}), so 95 and 95.0000 are equal. The figure is
 * judged as it is stored: a ratio is rounded to four decimals by
 * {@link vn.partracker.indicators.domain.value.RatioValue} first, like the published figure.
 */
public final class AchievementEvaluator {

    private AchievementEvaluator() {}

    /**
     * Evaluates one figure.
     *
     * @param value the figure (a ratio's percentage, a value, or a composite total)
     * @param target the applicable target, empty when none applies
     * @return {@code NO_TARGET} without a target, otherwise {@code MET} or {@code NOT_MET} with the gap described in
     *     {@link Achievement}
     */
    public static Achievement evaluate(BigDecimal value, Optional<AppliedTarget> target) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(target, "target");
        if (target.isEmpty()) {
            return Achievement.noTarget();
        }
        AppliedTarget applied = target.get();
        BigDecimal difference = value.subtract(applied.value());
        return switch (applied.comparator()) {
            case AT_LEAST -> judged(applied, difference, difference.signum() >= 0);
            case AT_MOST -> judged(applied, difference.negate(), difference.signum() <= 0);
            case EXACTLY -> judged(applied, difference, difference.signum() == 0);
        };
    }

    private static Achievement judged(AppliedTarget target, BigDecimal gap, boolean met) {
        return new Achievement(met ? AchievementStatus.MET : AchievementStatus.NOT_MET, target, gap);
    }
}
