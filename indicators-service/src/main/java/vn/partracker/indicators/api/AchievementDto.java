package vn.partracker.indicators.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A figure against its target.
 *
 * @param status MET, NOT_MET or NO_TARGET
 * @param target the rule applied and why; {@code null} for NO_TARGET
 * @param gap distance from the target, positive = better; {@code null} for NO_TARGET
 */
@Schema(name = "Achievement")
public record AchievementDto(String status, AppliedRuleDto target, BigDecimal gap) {

    /**
     * @param comparator the rule's comparator
     * @param value the rule's value
     * @param scope the rule's scope
     * @param reason why it applies, e.g. {@code level COMMUNE}
     */
    @Schema(name = "AppliedRule")
    public record AppliedRuleDto(String comparator, BigDecimal value, TargetScopeDto scope, String reason) {}
}
