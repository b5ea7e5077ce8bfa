package vn.partracker.indicators.domain.target;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The target rule that applies to one agency on one date, with the reason it was chosen.
 *
 * @param rule the chosen rule
 * @param reason why it applies, e.g. {@code "level COMMUNE"} or {@code "sector land"} (see
 *     {@link TargetScope#describe()})
 */
public record AppliedTarget(TargetRule rule, String reason) {

    /** Requires both parts. */
    public AppliedTarget {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param rule the chosen rule
     * @return the rule with its scope as the reason
     */
    public static AppliedTarget of(TargetRule rule) {
        return new AppliedTarget(rule, rule.scope().describe());
    }

    /** @return the comparator of the chosen rule */
    public TargetComparator comparator() {
        return rule.comparator();
    }

    /** @return the target value of the chosen rule */
    public BigDecimal value() {
        return rule.value();
    }
}
