package vn.partracker.indicators.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One revision of a figure, as it was submitted. */
@Schema(name = "MeasurementRevision")
public record RevisionResponse(
        int revision,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal value,
        Map<String, BigDecimal> components,
        AchievementDto achievement,
        String note,
        String source,
        Instant submittedAt,
        String submittedBy) {}
