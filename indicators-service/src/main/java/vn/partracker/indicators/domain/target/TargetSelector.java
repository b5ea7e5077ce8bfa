package vn.partracker.indicators.domain.target;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.partracker.indicators.domain.value.Direction;

/**
 * Picks the target that applies to an agency on a date from an indicator's target rules.
 *
 * <p>Only rules valid on the date ({@code validFrom <= asOf <= validTo}, a missing bound being open) and whose scope
 * contains the agency take part. Among them the most specific scope wins: agency &gt; sector &gt; kind &gt; level
 * &gt; all. So a per-agency exception beats the land-sector target, which beats the general one; and a level rule
 * that ended with the district level on 30 June 2025 no longer applies on 1 July 2025, when the next less specific
 * rule (if any) takes over.
 *
 * <p>Two rules of the same specificity can both match, typically when an agency carries two sector tags with
 * different targets. The choice must not depend on the order rules come from storage, so ties are broken by, in
 * turn:
 *
 * <ol>
 *   <li>the stricter value for the indicator's direction: the higher one when higher is better, the lower one when
 *       lower is better, because an agency under two obligations has to meet the harder one;
 *   <li>at equal values, the comparator met by fewer figures: {@code EXACTLY}, then the comparator that agrees with
 *       the direction ({@code AT_LEAST} when higher is better, {@code AT_MOST} when lower is better), then the other;
 *   <li>the later {@code validFrom}, as the more recent decision (no start counts as the earliest);
 *   <li>the alphabetical order of the reason (e.g. {@code "sector construction"} before {@code "sector land"}), only
 *       so the same input always gives the same answer.
 * </ol>
 */
public final class TargetSelector {

    private TargetSelector() {}

    /**
     * Selects the applicable target.
     *
     * @param rules the indicator's target rules, in any order
     * @param agency the agency the figure is for, as it was on {@code asOf}
     * @param asOf the day that decides which rules are valid, usually the last day of the period
     * @param direction the indicator's direction, which breaks ties between equally specific rules
     * @return the winning rule with its reason, or empty when no rule applies (the figure then has no target)
     */
    public static Optional<AppliedTarget> select(
            List<TargetRule> rules, AgencyProfile agency, LocalDate asOf, Direction direction) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(direction, "direction");
        return rules.stream()
                .map(rule -> Objects.requireNonNull(rule, "rules must not contain null"))
                .filter(rule -> rule.isValidOn(asOf))
                .filter(rule -> rule.scope().matches(agency))
                .min(preference(direction))
                .map(AppliedTarget::of);
    }

    private static Comparator<TargetRule> preference(Direction direction) {
        Comparator<TargetRule> stricterValueFirst = direction == Direction.HIGHER_IS_BETTER
                ? Comparator.comparing(TargetRule::value, Comparator.reverseOrder())
                : Comparator.comparing(TargetRule::value);
        return Comparator.comparing((TargetRule rule) -> rule.scope().specificity(), Comparator.reverseOrder())
                .thenComparing(stricterValueFirst)
                .thenComparingInt(rule -> comparatorRank(rule.comparator(), direction))
                .thenComparing(
                        TargetRule::validFrom,
                        Comparator.nullsLast(
                                Comparator.<LocalDate>naturalOrder().reversed()))
                .thenComparing(rule -> rule.scope().describe());
    }

    private static int comparatorRank(TargetComparator comparator, Direction direction) {
        if (comparator == TargetComparator.EXACTLY) {
            return 0;
        }
        TargetComparator natural =
                direction == Direction.HIGHER_IS_BETTER ? TargetComparator.AT_LEAST : TargetComparator.AT_MOST;
        return comparator == natural ? 1 : 2;
    }
}
