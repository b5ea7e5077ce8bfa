package vn.partracker.indicators.domain.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One target of an indicator, such as "Tối thiểu 75" for commune People's Committees, valid over a date range.
 *
 * <p>One indicator carries several rules when a plan gives different targets per level, sector or agency (Quảng
 * Trị 6.1–6.3: 100 / 95 / 80; Hà Tĩnh: satisfaction at least 90 %, but 85 % for land, construction and investment);
 * {@link TargetSelector} picks the one that applies to an agency on a date.
 *
 * @param comparator how a figure is compared with {@code value}
 * @param value the target value, in the indicator's unit
 * @param scope the agencies the rule is for; {@code null} is taken as {@link TargetScope#all()}
 * @param validFrom first day the rule applies, inclusive; {@code null} for no start
 * @param validTo last day the rule applies, inclusive; {@code null} for no end
 */
public record TargetRule(
        TargetComparator comparator, BigDecimal value, TargetScope scope, LocalDate validFrom, LocalDate validTo) {

    /**
     * Requires a comparator and a value, and a range that is not empty.
     *
     * @throws IllegalArgumentException when {@code validFrom} is after {@code validTo}
     */
    public TargetRule {
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(value, "value");
        scope = scope == null ? TargetScope.all() : scope;
        if (validFrom != null && validTo != null && validFrom.isAfter(validTo)) {
            throw new IllegalArgumentException(
                    "target rule validFrom " + validFrom + " must not be after validTo " + validTo);
        }
    }

    /**
     * A rule valid at any date.
     *
     * @param comparator how a figure is compared with {@code value}
     * @param value the target value
     * @param scope the agencies the rule is for
     * @return the rule without date limits
     */
    public static TargetRule of(TargetComparator comparator, BigDecimal value, TargetScope scope) {
        return new TargetRule(comparator, value, scope, null, null);
    }

    /**
     * @param date the day to check
     * @return {@code true} when {@code validFrom <= date <= validTo}, a missing bound being open
     */
    public boolean isValidOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
