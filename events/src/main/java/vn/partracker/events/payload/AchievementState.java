package vn.partracker.events.payload;

import java.math.BigDecimal;

/**
 * A figure's value against the target that applied to its agency: status MET, NOT_MET or NO_TARGET, the rule
 * used, why it was chosen ("level COMMUNE"), and the gap (positive = better than the target).
 */
public record AchievementState(String status, TargetState target, String reason, BigDecimal gap) {}
