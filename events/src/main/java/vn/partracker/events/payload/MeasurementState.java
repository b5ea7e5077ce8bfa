package vn.partracker.events.payload;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * {@code partracker.measurement.*}: the full state of one figure (indicator × agency × period) after a submission,
 * revision, approval, return or reopening. {@code revision} counts value changes; {@code version} counts every
 * change, so a consumer keeps the state with the highest version and ignores older redeliveries.
 */
public record MeasurementState(
        int schemaVersion,
        UUID id,
        long version,
        int revision,
        UUID indicatorId,
        UUID agencyId,
        String period,
        String status,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal value,
        Map<String, BigDecimal> components,
        BigDecimal computedValue,
        AchievementState achievement,
        String note,
        String source,
        OffsetDateTime submittedAt,
        String submittedBy,
        OffsetDateTime reviewedAt,
        String reviewedBy,
        String reason) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;
}
