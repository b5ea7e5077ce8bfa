package vn.partracker.indicators.domain.achievement;

import java.math.BigDecimal;
import java.util.Objects;
import vn.partracker.indicators.domain.target.AppliedTarget;

/**
 * A figure judged against its applicable target, as shown in the {@code achievement} of a measurement.
 *
 * <p>The gap reads the same way whatever the comparator: positive means better than the target, negative means
 * short of it. For {@code AT_LEAST} it is {@code value - target}, for {@code AT_MOST} {@code target - value}. An
 * {@code EXACTLY} target has no better side, so its gap is the signed deviation {@code value - target}, zero when
 * met.
 *
 * @param status the verdict
 * @param target the target judged against; {@code null} exactly when the status is {@code NO_TARGET}
 * @param gap the distance from the target as described above; {@code null} exactly when the status is
 *     {@code NO_TARGET}
 */
public record Achievement(AchievementStatus status, AppliedTarget target, BigDecimal gap) {

    private static final Achievement NO_TARGET = new Achievement(AchievementStatus.NO_TARGET, null, null);

    /**
     * Keeps the three parts consistent, so callers need not guard against a verdict without a target.
     *
     * @throws IllegalArgumentException when a target or gap is missing for MET/NOT_MET or present for NO_TARGET
     */
    public Achievement {
        Objects.requireNonNull(status, "status");
        boolean judged = status != AchievementStatus.NO_TARGET;
        if (judged != (target != null) || judged != (gap != null)) {
            throw new IllegalArgumentException(
                    "an achievement has a target and a gap exactly when its status is MET or NOT_MET; got " + status
                            + " with target " + target + " and gap " + gap);
        }
    }

    /** @return the achievement of a figure to which no target applies */
    public static Achievement noTarget() {
        return NO_TARGET;
    }
}
