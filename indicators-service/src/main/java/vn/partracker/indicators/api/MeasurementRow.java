package vn.partracker.indicators.api;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of a bulk import ({@code POST /api/measurements/batch}, CSV or XLSX). The indicator is named by id, or by
 * plan (id or number such as {@code 59/QĐ-UBND}) with group and ordinal; the agency by id or by code, so that a
 * spreadsheet or another system's export can be imported without looking up UUIDs first.
 *
 * @param indicatorId the indicator
 * @param planId the plan, with group and ordinal
 * @param plan the plan number, with group and ordinal
 * @param group the indicator's group
 * @param ordinal the indicator's ordinal
 * @param agencyId the agency
 * @param agencyCode the agency code such as {@code KT.SNV}
 * @param period the period code
 * @param numerator b (RATIO)
 * @param denominator a (RATIO)
 * @param value the figure (VALUE)
 * @param components points per component (COMPOSITE)
 * @param note free text
 * @param source where the figure comes from
 */
@Schema(name = "MeasurementRow")
public record MeasurementRow(
        UUID indicatorId,
        UUID planId,
        String plan,
        String group,
        String ordinal,
        UUID agencyId,
        String agencyCode,
        String period,
        @Digits(integer = 15, fraction = 6) BigDecimal numerator,
        @Digits(integer = 15, fraction = 6) BigDecimal denominator,
        @Digits(integer = 15, fraction = 6) BigDecimal value,
        Map<String, @Digits(integer = 15, fraction = 6) BigDecimal> components,
        String note,
        String source) {}
