package vn.partracker.indicators.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partracker.indicators.domain.target.TargetComparator;

/**
 * A target rule: "Tối thiểu 80" is {@code {"comparator": "AT_LEAST", "value": 80, "scope": {}}}.
 *
 * @param comparator AT_LEAST (tối thiểu), AT_MOST (tối đa) or EXACTLY
 * @param value the target value in the indicator's unit
 * @param scope whom the rule is for; missing or {@code {}} = every agency
 * @param validFrom first day the rule applies, inclusive; open when missing
 * @param validTo last day the rule applies, inclusive; open when missing
 */
@Schema(name = "Target")
public record TargetDto(
        @NotNull TargetComparator comparator,
        @NotNull @Digits(integer = 15, fraction = 6) BigDecimal value,
        TargetScopeDto scope,
        LocalDate validFrom,
        LocalDate validTo) {}
