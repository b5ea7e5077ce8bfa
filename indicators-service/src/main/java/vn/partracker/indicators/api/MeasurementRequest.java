package vn.partracker.indicators.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/measurements}: one agency's figure for one indicator and period. RATIO indicators
 * take numerator and denominator, VALUE indicators a value, COMPOSITE indicators component points by code.
 *
 * @param indicatorId the indicator
 * @param agencyId the submitting agency; must be a performing agency on the period's date
 * @param period {@code 2024}, {@code 2024-S1}, {@code 2024-N9}, {@code 2024-Q1} or {@code 2024-03}, matching the
 *     indicator's frequency
 * @param numerator b (RATIO)
 * @param denominator a (RATIO), greater than 0
 * @param value the figure (VALUE)
 * @param components points per component code (COMPOSITE)
 * @param note free text
 * @param source the system or document the figure comes from
 */
@Schema(name = "MeasurementRequest")
public record MeasurementRequest(
        @NotNull UUID indicatorId,
        @NotNull UUID agencyId,
        @NotBlank @Size(max = 10) String period,
        @Digits(integer = 15, fraction = 6) BigDecimal numerator,
        @Digits(integer = 15, fraction = 6) BigDecimal denominator,
        @Digits(integer = 15, fraction = 6) BigDecimal value,
        Map<String, @Digits(integer = 15, fraction = 6) BigDecimal> components,
        @Size(max = 4000) String note,
        @Size(max = 500) String source) {}
