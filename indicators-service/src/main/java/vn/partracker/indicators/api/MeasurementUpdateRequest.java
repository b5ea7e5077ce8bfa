package vn.partracker.indicators.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /api/measurements/{id}}: the new figures of a new revision (indicator, agency and period
 * stay as they are).
 *
 * @param numerator b (RATIO)
 * @param denominator a (RATIO)
 * @param value the figure (VALUE)
 * @param components points per component code (COMPOSITE)
 * @param note free text
 * @param source the system or document the figure comes from
 */
@Schema(name = "MeasurementUpdateRequest")
public record MeasurementUpdateRequest(
        @Digits(integer = 15, fraction = 6) BigDecimal numerator,
        @Digits(integer = 15, fraction = 6) BigDecimal denominator,
        @Digits(integer = 15, fraction = 6) BigDecimal value,
        Map<String, @Digits(integer = 15, fraction = 6) BigDecimal> components,
        @Size(max = 4000) String note,
        @Size(max = 500) String source) {}
