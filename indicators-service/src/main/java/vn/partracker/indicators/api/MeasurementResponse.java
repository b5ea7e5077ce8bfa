package vn.partracker.indicators.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A figure as answered by the API: what was entered, the computed {@code value} (RATIO: 100 · b / a; VALUE: the
 * value; COMPOSITE: the total, with {@code subtotals} per component), the review status and the achievement.
 */
@Schema(name = "Measurement")
public record MeasurementResponse(
        UUID id,
        UUID indicatorId,
        UUID agencyId,
        String period,
        String status,
        int revision,
        long version,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal value,
        Map<String, BigDecimal> components,
        Map<String, BigDecimal> subtotals,
        String note,
        String source,
        Instant submittedAt,
        String submittedBy,
        Instant reviewedAt,
        String reviewedBy,
        String reviewReason,
        AchievementDto achievement) {}
